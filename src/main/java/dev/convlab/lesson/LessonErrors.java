package dev.convlab.lesson;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** What the lesson, its authoring and its import say about a step they cannot find or take. */
@MessageBundle("lessonErrors")
public interface LessonErrors {

    @Message("There is no step '{slug}'")
    String noStep(String slug);

    @Message("Step '{slug}' has no exercise '{key}'")
    String noExercise(String slug, String key);

    @Message("Step '{slug}' has no revision {number}")
    String noRevision(String slug, int number);

    @Message("the slug cannot change (was '{was}', now '{now}')")
    String slugChanged(String was, String now);

    @Message("A step with slug '{slug}' exists already")
    String slugTaken(String slug);

    @Message("must name every step exactly once")
    String everyStepOnce();

    @Message("is required: the revision the edit started from")
    String baseRevisionRequired();

    @Message("holds more than {max} files")
    String tooManyFiles(int max);

    @Message("{name} makes the lesson larger than allowed")
    String tooLarge(String name);

    @Message("is not a Markdown step file (.md)")
    String notMarkdown();

    @Message("uses slug '{slug}' like another file")
    String duplicateSlug(String slug);

    @Message("is not a readable zip file")
    String unreadableZip();

    @Message("holds no step files")
    String noStepFiles();

    @Message("Lesson not imported")
    String notImportedTitle();

    @Message("{count} problem(s); nothing was imported")
    String notImported(int count);

    @Message("Type an answer first.")
    String typeAnAnswer();

    @Message("That answer is too long: the answer fits in {max} characters.")
    String answerTooLong(int max);

    @Message("That kernel has more than 15 rows. Write a small kernel row by row, for example 1 1 1; 0 0 0; -1 -1 -1.")
    String kernelTooTall();

    @Message("Every row of a kernel needs the same number of weights (at most 15). Separate rows with ';', for example 1 1 1; 0 0 0; -1 -1 -1.")
    String kernelRows();

    @Message("A kernel holds only numbers, row by row, rows separated by ';': for example 1 1 1; 0 0 0; -1 -1 -1.")
    String kernelNumbers();

    @Message("Keep every weight between -1,000,000 and 1,000,000: small numbers such as -1, 0 and 2 are enough.")
    String kernelWeights();

    @Message("That is not a number we can read. Type just the number, for example 1168, 1,168 or 2.5, without words or units.")
    String unreadableNumber();

    @Message("That number is too large to be the answer. Type the number itself, for example 1168.")
    String numberTooLarge();

    @Message("That is not a shape we can read. Write the sizes with × or x between them, for example 9×676, 9x676 or (9, 676).")
    String unreadableShape();

    @Message("exercise '{key}' of the English is missing")
    String exerciseMissing(String key);

    @Message("exercise '{key}' differs from the English: {differences}")
    String exerciseDiffers(String key, String differences);

    @Message("exercise '{key}' is not in the English")
    String exerciseNotInEnglish(String key);

    @Message("kind {translated} instead of {english}")
    String otherKind(String translated, String english);

    @Message("answer {translated} instead of {english}")
    String otherAnswer(String translated, String english);

    @Message("tolerance {translated} instead of {english}")
    String otherTolerance(String translated, String english);

    @Message("slug '{slug}' differs from the English file's '{english}'")
    String translationSlug(String slug, String english);

    @Message("has no English step to translate: add {file} in English")
    String noEnglishToTranslate(String file);

    @Message("Revision {number} of step '{slug}' cannot be published: {differences}")
    String translationUnpublishable(int number, String slug, String differences);
}
