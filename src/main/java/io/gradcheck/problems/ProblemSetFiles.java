package io.gradcheck.problems;

import io.gradcheck.errors.JsonErrors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Reads problem-set YAML files strictly: unknown fields and duplicate keys are errors, with where they are. */
public final class ProblemSetFiles {

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private ProblemSetFiles() {
    }

    public static List<Path> list(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().matches(".*\\.ya?ml")).sorted().toList();
        }
    }

    /** The file's definition, or an InvalidProblemSet naming the file and what is wrong where. */
    public static ProblemSetDefinition read(String name, String text) {
        try {
            return YAML.readValue(text, ProblemSetDefinition.class);
        } catch (JacksonException e) {
            throw new InvalidProblemSet(name + ": " + describe(e));
        }
    }

    static String describe(JacksonException e) {
        String message = e.getOriginalMessage();
        int cut = message.indexOf(" (class ");
        if (cut > 0) {
            message = message.substring(0, cut);
        }
        cut = message.indexOf(" (for ");
        if (cut > 0) {
            message = message.substring(0, cut);
        }
        cut = message.indexOf(", not marked as ignorable");
        if (cut > 0) {
            message = message.substring(0, cut);
        }
        String where = JsonErrors.path(e);
        String line = e.getLocation() == null ? null : "line " + e.getLocation().getLineNr();
        String prefix = !where.isEmpty() ? "at " + where + (line == null ? "" : " (near " + line + ")") + ": "
                : line == null ? "" : line + ": ";
        return prefix + message;
    }

    public static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    public static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
