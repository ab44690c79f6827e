package dev.convlab.lesson;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The words of the instructor's lesson pages; Japanese in {@code messages/authoring_ja.properties}. */
@MessageBundle("authoring")
public interface AuthoringMessages {

    @Message("Edit the lesson")
    String stepsTitle();

    @Message("Class dashboard")
    String classDashboard();

    @Message("Export the published lesson (zip)")
    String exportZip();

    @Message("Steps in lesson order")
    String stepsInOrder();

    @Message("Steps in lesson order. Learners see the published revision of steps that are not retired, in their language, else in the other one.")
    String stepsCaption();

    @Message("Step")
    String step();

    @Message("Published")
    String published();

    @Message("Latest")
    String latest();

    @Message("Japanese")
    String japanese();

    @Message("Actions")
    String actions();

    @Message("retired")
    String retired();

    @Message("revision {number}")
    String revision(int number);

    @Message("not yet")
    String notYet();

    @Message("draft waiting")
    String draftWaiting();

    @Message("behind the English")
    String translationBehind();

    @Message("up to date")
    String translationCurrent();

    @Message("draft, not published")
    String translationDraft();

    @Message("not translated yet")
    String translationMissing();

    @Message("What changed in the English (revision {from} to {to})")
    String englishChangesSince(int from, Integer to);

    @Message("Changes in the English of {title}")
    String englishChangesLabel(String title);

    @Message("Move {title} up")
    String moveUp(String title);

    @Message("Move {title} down")
    String moveDown(String title);

    @Message("Up")
    String up();

    @Message("Down")
    String down();

    @Message("Bring back")
    String bringBack();

    @Message("Retire")
    String retire();

    @Message("Add a step")
    String addStep();

    @Message("Slug (lowercase, digits, hyphens)")
    String slugLabel();

    @Message("Title")
    String titleLabel();

    @Message("Create a draft")
    String createDraft();

    @Message("Import a lesson zip")
    String importHeading();

    /** Contains markup: templates print it raw. */
    @Message("The same files as <code>content/</code>, the Japanese under <code>ja/</code>: every file is checked first, and nothing is imported if one is broken.")
    String importText();

    @Message("Zip file")
    String zipFile();

    @Message("Import")
    String importButton();

    @Message("Instructors only")
    String instructorsOnly();

    @Message("Edit {slug}")
    String editTitle(String slug);

    @Message("Breadcrumb")
    String breadcrumb();

    @Message("Edit")
    String editHeading();

    @Message("Language of the text")
    String textLanguage();

    @Message("English")
    String english();

    @Message("日本語")
    String japaneseName();

    @Message("This step has no revision in this language yet. The editor starts from the English text; saving makes the first draft in this language.")
    String newTranslation();

    @Message("English source: front matter and Markdown")
    String sourceHeadingEnglish();

    @Message("Japanese source: front matter and Markdown")
    String sourceHeadingJapanese();

    @Message("Save draft")
    String saveDraft();

    @Message("Publish…")
    String publishEllipsis();

    @Message("Someone saved first")
    String conflictHeading();

    @Message("Both versions are kept as drafts. Merge them in the editor (yours is loaded) and save again.")
    String conflictSummary();

    @Message("− only in theirs")
    String onlyInTheirs();

    @Message("+ only in yours")
    String onlyInYours();

    @Message("Their revision compared with yours")
    String conflictDiffLabel();

    @Message("Publish")
    String publish();

    @Message("Cancel")
    String cancel();

    @Message("Preview, as learners will see it")
    String previewHeading();

    @Message("History of the English")
    String historyEnglish();

    @Message("History of the Japanese")
    String historyJapanese();

    @Message("Revision")
    String revisionColumn();

    @Message("Title")
    String titleColumn();

    @Message("From")
    String fromColumn();

    @Message("By")
    String byColumn();

    @Message("When")
    String whenColumn();

    @Message("State")
    String stateColumn();

    @Message("content/ file")
    String contentFile();

    @Message("file")
    String originFile();

    @Message("editor")
    String originEditor();

    @Message("import")
    String originImport();

    @Message("live")
    String live();

    @Message("was published")
    String wasPublished();

    @Message("draft")
    String draft();

    @Message("Compare with live")
    String compareWithLive();

    @Message("Restore as draft")
    String restoreAsDraft();

    @Message("Compare revision")
    String compareRevision();

    @Message("with revision")
    String withRevision();

    @Message("Show the differences")
    String showDifferences();

    @Message("Differences")
    String differences();
}
