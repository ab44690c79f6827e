package dev.convlab.lesson;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * What is wrong with a step file, as the editor, the preview and a zip import tell an instructor; front-matter keys
 * ({@code slug}, {@code kind}, …) stay as the file spells them. Japanese in {@code messages/contentErrors_ja.properties}.
 */
@MessageBundle("contentErrors")
public interface ContentErrors {

    @Message("line {line}: {problem}")
    String atLine(int line, String problem);

    @Message("the file is larger than {max} bytes")
    String fileTooLarge(int max);

    @Message("control character {code} is not allowed")
    String controlCharacter(String code);

    @Message("front matter must start with a line '---'")
    String frontMatterStart();

    @Message("front matter is not closed by a line '---'")
    String frontMatterNotClosed();

    @Message("front matter is empty")
    String frontMatterEmpty();

    @Message("unknown field '{field}'")
    String unknownField(String field);

    @Message("front matter does not fit the expected fields (the YAML reader says: {reason})")
    String frontMatterMismatch(String reason);

    @Message("front matter is not valid YAML (the YAML reader says: {reason})")
    String notYaml(String reason);

    @Message("slug must be lowercase letters, digits and hyphens")
    String slugForm();

    @Message("title is required (at most 200 characters)")
    String titleRequired();

    @Message("order must be a whole number from 1 to 1000")
    String orderRange();

    @Message("exercise key '{key}' must be lowercase letters, digits and hyphens")
    String keyForm(String key);

    @Message("exercise key '{key}' is used twice")
    String keyTwice(String key);

    @Message("exercise '{key}' needs a kind (number, shape or kernel) and a prompt")
    String kindAndPrompt(String key);

    @Message("exercise '{key}' needs an answer")
    String answerRequired(String key);

    @Message("exercise '{key}' of kind number needs exactly one answer value")
    String oneNumber(String key);

    @Message("exercise '{key}' of kind shape needs whole, non-negative numbers")
    String wholeShape(String key);

    @Message("exercise '{key}' of kind kernel needs a square kernel (row by row, at most 15×15) and a tolerance between 0 and 1")
    String squareKernel(String key);

    @Message("exercise '{key}' has a negative or infinite tolerance")
    String badTolerance(String key);

    @Message("malformed widget directive '{directive}'")
    String malformedDirective(String directive);

    @Message("unknown widget '{name}'")
    String unknownWidget(String name);

    @Message("slug '{slug}' is already used by another file")
    String slugUsedTwice(String slug);

    @Message("has no usable English file {file} to translate")
    String noEnglishFile(String file);
}
