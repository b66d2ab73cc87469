package io.gradcheck.web;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * The HTTP fuzz corpus (issue 15): the inputs that used to answer 500, and seeded mutations of valid bodies
 * under many content types and encodings, to every endpoint that takes a body. Used by HttpFuzzTests (in the
 * suite) and by the abuse benchmark (bench/AbuseBench, 100,000 requests against the packaged jar).
 */
public final class HttpFuzz {

    private HttpFuzz() {
    }

    public static final String CHECKS = "/api/v1/checks";
    public static final String PARSE = "/api/v1/expressions/parse";
    public static final String PRACTICE = "/api/v1/problem-sets/ds4420-lecture-2/problems/quadratic/check";
    public static final String SUBMIT = "/api/v1/problem-sets/ds4420-lecture-2/problems/quadratic/submissions";

    public static final String CHECK = "{\"function\": \"x^T A x\", \"variables\": {\"x\": {\"shape\": [3]}, "
            + "\"A\": {\"shape\": [3, 3]}}, \"parts\": [{\"wrt\": \"x\", \"answer\": \"2 A x\"}], \"points\": 4}";

    /** What was found answering 500 (2026-11-22), and its neighbours. */
    public static final String[][] FOUND = {
        {CHECKS, CHECK.replace("2 A x", "２ A x")},
        {CHECKS, CHECK.replace("2 A x", "٢ A x")},
        {SUBMIT, "{\"learnerId\": \"fuzz\", \"answer\": \"２ A x\"}"},
        {PRACTICE, "{\"answer\": \"２ A x\"}"},
        {PARSE, "{\"expression\": \"２ x + ３\", \"variables\": {\"x\": {}}}"},
        {CHECKS, CHECK.replace("\"2 A x\"", "[[]]")},
        {CHECKS, CHECK.replace("\"2 A x\"", "[]")},
        {CHECKS, CHECK.replace("\"2 A x\"", "[[\"1\"], []]")},
        {SUBMIT, "{\"learnerId\": \"fuzz\", \"answer\": [[]]}"},
        {CHECKS, CHECK.replace("[{\"wrt\": \"x\", \"answer\": \"2 A x\"}]", "[null]")},
        {CHECKS, CHECK.replace("[{\"wrt\": \"x\", \"answer\": \"2 A x\"}]", "[{}]")},
        {CHECKS, CHECK.replace("{\"shape\": [3]}", "{\"shape\": [3], \"domain\": [-1e308, 1e308]}")},
        {CHECKS, CHECK.replace("{\"shape\": [3]}", "{\"shape\": [3], \"domain\": [1, 1.000001]}")},
        {CHECKS, CHECK.replace("\"points\": 4", "\"points\": 2147483648")},
        {CHECKS, CHECK.replace("\"points\": 4", "\"points\": 1e400")},
        {CHECKS, CHECK.replace("{\"shape\": [3]}", "{\"shape\": [2147483647]}")},
        {CHECKS, CHECK.replace("{\"shape\": [3]}", "{\"shape\": [-1]}")},
        {CHECKS, CHECK.replace("{\"shape\": [3]}", "{\"shape\": [null]}")},
        {CHECKS, CHECK.replace("{\"shape\": [3]}", "null")},
        {SUBMIT, "{\"learnerId\": \"fuzz\", \"answers\": {\"x\": null}}"},
        {SUBMIT, "{\"learnerId\": \"fuzz\", \"answers\": {\"x\": 5}}"},
        {SUBMIT, "{\"learnerId\": \"fuzz\", \"answers\": {\"x\": {\"a\": 1}}}"},
        {SUBMIT, "{\"learnerId\": \"fuzz\", \"answer\": \"" + "x+".repeat(3000) + "x\"}"},
        {PRACTICE, "{\"answer\": [[null]]}"},
        {CHECKS, "[" .repeat(5000) + "]".repeat(5000)},
        {CHECKS, "null"}, {CHECKS, "[]"}, {CHECKS, "\"x\""}, {CHECKS, ""}, {PARSE, "{}"},
    };

    public static final String[] TYPES = {"application/json", "application/json; charset=utf-8",
        "application/json; charset=latin1", "application/json; charset=bogus", "text/plain", "application/xml",
        "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "application/octet-stream",
        "application/*", "*/*", ";;;", "application/json; charset=\"utf-16\""};

    public static final String[] ENCODINGS = {null, "gzip", "br", "identity", "deflate, gzip"};

    public static final String[] PIECES = {"２", "٣", "𝟐", "\\u0000", "\u0000", "\uD800", "ᵀ", "√", "é", "'", "\"",
        "\\", "[", "]", "{", "}", ",", ":", "null", "-1e308", "1e308", "NaN", "2147483648", "-0", "[[]]", "\n"};

    /** Valid bodies of the four endpoints, which the mutations start from. */
    public static final String[][] VALID = {{CHECKS, CHECK}, {PARSE, "{\"expression\": \"x^T A x\", \"variables\": "
            + "{\"x\": {\"shape\": [3]}, \"A\": {\"shape\": [3, 3]}}}"}, {PRACTICE, "{\"answers\": {\"x\": \"(A + A^T) x\"}}"},
        {SUBMIT, "{\"learnerId\": \"fuzz\", \"answer\": \"(A + A^T) x\"}"}};

    /** One fuzzed request: path, body, Content-Type (never null here), Content-Encoding or null. */
    public record Request(String path, byte[] body, String type, String encoding) {
    }

    /** The next fuzzed request of a seeded sequence. */
    public static Request next(Random random) {
        String[] target = VALID[random.nextInt(VALID.length)];
        byte[] body = mutate(target[1], random);
        String type = random.nextInt(3) == 0 ? TYPES[random.nextInt(TYPES.length)] : "application/json";
        String encoding = random.nextInt(6) == 0 ? ENCODINGS[1 + random.nextInt(ENCODINGS.length - 1)] : null;
        return new Request(target[0], body, type, encoding);
    }

    public static byte[] mutate(String body, Random random) {
        StringBuilder s = new StringBuilder(body);
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits; e++) {
            int at = random.nextInt(s.length());
            switch (random.nextInt(4)) {
                case 0 -> s.insert(at, PIECES[random.nextInt(PIECES.length)]);
                case 1 -> s.deleteCharAt(at);
                case 2 -> s.setCharAt(at, PIECES[random.nextInt(PIECES.length)].charAt(0));
                default -> s.replace(at, Math.min(s.length(), at + 1 + random.nextInt(8)), "");
            }
        }
        byte[] bytes = s.toString().getBytes(StandardCharsets.UTF_8);
        if (random.nextInt(20) == 0 && bytes.length > 0) {
            bytes[random.nextInt(bytes.length)] = (byte) (0x80 + random.nextInt(0x80));  // not UTF-8
        }
        return bytes;
    }

}
