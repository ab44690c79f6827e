package dev.convlab.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;
import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every message of every bundle has its Japanese: each {@code @MessageBundle}'s English keys against its
 * {@code messages/<bundle>_ja.properties}, which must say something in Japanese for each (or, for a name such as
 * "CSV", the same as the English) and use the same parameters.
 */
class MessageBundleTranslationTest {

    private static final Path CLASSES = Path.of("target/classes");
    private static final Path MESSAGES = Path.of("src/main/resources/messages");
    private static final Pattern JAPANESE = Pattern.compile("[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}\\u3000-\\u303F\\uFF00-\\uFFEF]");

    @Test
    void everyEnglishMessageHasAJapaneseOne() throws IOException {
        Map<String, Class<?>> bundles = bundles();
        assertFalse(bundles.isEmpty(), "no message bundle found under " + CLASSES.toAbsolutePath());
        List<String> missing = new ArrayList<>();
        for (var bundle : bundles.entrySet()) {
            Path file = MESSAGES.resolve(bundle.getKey() + "_ja.properties");
            if (!Files.exists(file)) {
                missing.add(bundle.getKey() + ": no " + file);
                continue;
            }
            Properties japanese = load(file);
            for (Method method : bundle.getValue().getMethods()) {
                Message message = method.getAnnotation(Message.class);
                if (message == null) {
                    continue;
                }
                String key = bundle.getKey() + ":" + key(method);
                String translated = japanese.getProperty(key(method));
                if (translated == null || translated.isBlank()) {
                    missing.add(key + ": no Japanese");
                } else if (!JAPANESE.matcher(translated).find() && !translated.equals(message.value())) {
                    missing.add(key + ": not Japanese: " + translated);
                } else {
                    for (Parameter parameter : method.getParameters()) {
                        if (uses(message.value(), parameter.getName()) && !uses(translated, parameter.getName())) {
                            missing.add(key + ": does not use {" + parameter.getName() + "}: " + translated);
                        }
                    }
                }
            }
        }
        assertEquals("", String.join("\n", missing));
    }

    @Test
    void everyJapaneseFileBelongsToABundleAndEveryKeyToAMessage() throws IOException {
        Map<String, Class<?>> bundles = bundles();
        try (Stream<Path> files = Files.list(MESSAGES)) {
            for (Path file : files.toList()) {
                String bundle = file.getFileName().toString().replaceFirst("_ja\\.properties$", "");
                assertTrue(bundles.containsKey(bundle), file + " belongs to no @MessageBundle(\"" + bundle + "\")");
                var methods = Stream.of(bundles.get(bundle).getMethods()).filter(m -> m.isAnnotationPresent(Message.class))
                        .map(MessageBundleTranslationTest::key).collect(Collectors.toSet());
                var unknown = new TreeSet<>(load(file).stringPropertyNames());
                unknown.removeAll(methods);
                assertEquals(new TreeSet<String>(), unknown, file + " has keys its bundle lacks");
            }
        }
    }

    /** The message bundles among the compiled classes, by name. */
    private static Map<String, Class<?>> bundles() throws IOException {
        Map<String, Class<?>> bundles = new TreeMap<>();
        try (Stream<Path> files = Files.walk(CLASSES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = CLASSES.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".").replaceFirst("\\.class$", "");
                Class<?> type = load(name);
                MessageBundle bundle = type.getAnnotation(MessageBundle.class);
                if (bundle != null) {
                    bundles.put(bundle.value().equals(MessageBundle.DEFAULTED_NAME) ? MessageBundle.DEFAULT_NAME : bundle.value(), type);
                }
            }
        }
        return bundles;
    }

    /** A message's key in its localized files: the one it names, else the method's name as its bundle spells keys. */
    private static String key(Method method) {
        String key = method.getAnnotation(Message.class).key();
        if (!key.equals(Message.DEFAULT_NAME) && !key.equals(Message.ELEMENT_NAME)) {
            return key;
        }
        String spelling = method.getDeclaringClass().getAnnotation(MessageBundle.class).defaultKey();
        String separator = spelling.equals(Message.HYPHENATED_ELEMENT_NAME) ? "-" : spelling.equals(Message.UNDERSCORED_ELEMENT_NAME) ? "_" : "";
        return separator.isEmpty() ? method.getName() : method.getName().replaceAll("([a-z0-9])([A-Z])", "$1" + separator + "$2").toLowerCase(Locale.ROOT);
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, MessageBundleTranslationTest.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new AssertionError("cannot load " + name, e);
        }
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    /** Whether a message template reads the parameter: {@code {name}}, {@code {#if name == 1}}, {@code {#when name}}. */
    private static boolean uses(String template, String parameter) {
        return Pattern.compile("\\{[^}]*\\b" + Pattern.quote(parameter) + "\\b").matcher(template).find();
    }
}
