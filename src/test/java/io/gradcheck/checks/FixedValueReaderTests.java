package io.gradcheck.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gradcheck.check.CheckException;
import io.gradcheck.check.CheckRequest;
import io.gradcheck.check.Checker;
import io.gradcheck.check.NumericValue;
import io.gradcheck.check.Verdict;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 16: a fixed value read from JSON into a {@link NumericValue} (no boxed lists), every other form refused
 * by the check with the very message it gave when the value arrived as lists (read by a mapper without the
 * module, as before), and written back as the same nested arrays.
 */
class FixedValueReaderTests {

    private final JsonMapper withModule = JsonMapper.builder().addModule(new FixedValuesModule(1_000_000)).build();
    private final JsonMapper plain = new JsonMapper();

    private static String request(String shape, String value) {
        return "{\"function\": \"x^T A x\", \"variables\": {\"x\": {\"shape\": [2]}, \"A\": {\"shape\": " + shape
                + ", \"value\": " + value + "}}, \"parts\": [{\"wrt\": \"x\", \"answer\": \"(A + A^T) x\"}],"
                + " \"seed\": 3}";
    }

    private Object value(JsonMapper mapper, String json) {
        return mapper.readValue(json, CheckRequest.class).variables().get("A").value();
    }

    @Test
    void numbersVectorsAndMatricesAreReadIntoPrimitiveArrays() {
        NumericValue scalar = (NumericValue) value(withModule, request("[]", "-2.5"));
        assertThat(scalar.dims()).isEmpty();
        assertThat(scalar.data()).containsExactly(-2.5);
        NumericValue vector = (NumericValue) value(withModule, request("[3]", "[1, 2e-3, -4]"));
        assertThat(vector.dims()).containsExactly(3);
        assertThat(vector.data()).containsExactly(1, 2e-3, -4);
        NumericValue matrix = (NumericValue) value(withModule, request("[2, 3]", "[[1, 2, 3], [4, 5, 6.5]]"));
        assertThat(matrix.dims()).containsExactly(2, 3);
        assertThat(matrix.data()).containsExactly(1, 2, 3, 4, 5, 6.5);
        NumericValue empty = (NumericValue) value(withModule, request("[2]", "[]"));
        assertThat(empty.dims()).containsExactly(0);
        assertThat(value(withModule, request("[2, 2]", "null"))).as("null is no value, as before").isNull();
    }

    @Test
    void aThousandByThousandMatrixIsOneDoubleArray() {
        StringBuilder a = new StringBuilder("[");
        for (int i = 0; i < 1000; i++) {
            a.append(i == 0 ? "[" : ",[");
            for (int j = 0; j < 1000; j++) {
                a.append(j == 0 ? "" : ",").append((i * 7 + j * 3) % 11 - 5).append(".25");
            }
            a.append(']');
        }
        Object v = value(withModule, request("[1000, 1000]", a.append(']').toString()));
        assertThat(v).isInstanceOf(NumericValue.class);
        NumericValue m = (NumericValue) v;
        assertThat(m.dims()).containsExactly(1000, 1000);
        assertThat(m.data()).hasSize(1_000_000);
        assertThat(m.data()[999 * 1000 + 998]).isEqualTo((999 * 7 + 998 * 3) % 11 - 5 + 0.25);
    }

    @Test
    void theRightAnswerIsCorrectFromEitherReading() {
        for (String body : List.of(request("[2, 2]", "[[2, 1], [0, 3]]"),
                request("[2, 2]", "[[2.5, -1], [0.5, 3]]"))) {
            CheckRequest fromHolder = withModule.readValue(body, CheckRequest.class);
            CheckRequest fromLists = plain.readValue(body, CheckRequest.class);
            assertThat(fromLists.variables().get("A").value()).isInstanceOf(List.class);
            assertThat(new Checker().check(fromHolder).verdict()).isEqualTo(Verdict.CORRECT);
            assertThat(new Checker().check(fromLists).verdict()).isEqualTo(Verdict.CORRECT);
        }
    }

    /** Every form that is not numbers in the declared shape: the same refusal, word for word, as from lists. */
    @Test
    void everyMalformedValueIsRefusedWithTheMessageListsGot() {
        Map<String, String> values = Map.ofEntries(
                Map.entry("string", "\"[[1, 0], [0, 1]]\""),
                Map.entry("object", "{\"rows\": [[1, 0], [0, 1]]}"),
                Map.entry("boolean", "true"),
                Map.entry("null entry", "[[1, null], [0, 1]]"),
                Map.entry("string entry", "[[1, \"0\"], [0, 1]]"),
                Map.entry("object entry", "[[1, {}], [0, 1]]"),
                Map.entry("deeper", "[[[1], [0]], [[0], [1]]]"),
                Map.entry("ragged", "[[1, 0], [0]]"),
                Map.entry("ragged longer", "[[1, 0], [0, 1, 2]]"),
                Map.entry("mixed, number first", "[1, [0, 1]]"),
                Map.entry("mixed, row first", "[[1, 0], 1]"),
                Map.entry("vector", "[1, 0, 0, 1]"),
                Map.entry("wrong rows", "[[1, 0]]"),
                Map.entry("wrong columns", "[[1, 0, 0], [0, 1, 0]]"),
                Map.entry("scalar", "1"),
                Map.entry("empty", "[]"),
                Map.entry("empty row", "[[]]"),
                Map.entry("infinite", "[[1e400, 0], [0, 1]]"));
        String expected = "the value of A must be 2 rows of 2 numbers, as its shape [2, 2] says";
        values.forEach((form, value) -> {
            String body = request("[2, 2]", value);
            assertThatThrownBy(() -> new Checker().check(plain.readValue(body, CheckRequest.class))).as(form)
                    .isInstanceOf(CheckException.class).hasMessage(expected);
            assertThatThrownBy(() -> new Checker().check(withModule.readValue(body, CheckRequest.class))).as(form)
                    .isInstanceOf(CheckException.class).hasMessage(expected);
        });
        assertThat(value(withModule, request("[2, 2]", "[[1, 0], [0]]"))).isInstanceOf(NumericValue.Unreadable.class);
    }

    /**
     * A number beyond a double's range is refused by the reader, wherever it stands, and no {@link NumericValue}
     * holds one: the check reads a value without scanning it again (issue 16), so the rule must hold where values
     * are made.
     */
    @Test
    void aNumberBeyondADoublesRangeIsNeverHeldAsAValue() {
        for (String[] shapeAndValue : List.of(new String[] {"[]", "1e400"}, new String[] {"[2]", "[1, -1e400]"},
                new String[] {"[2, 2]", "[[1, 0], [1e400, 1]]"})) {
            assertThat(value(withModule, request(shapeAndValue[0], shapeAndValue[1]))).as(shapeAndValue[1])
                    .isInstanceOf(NumericValue.Unreadable.class);
        }
        assertThat(value(withModule, request("[2]", "[1e308, -1e308]"))).isInstanceOf(NumericValue.class);
        for (double notFinite : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            assertThatThrownBy(() -> NumericValue.vector(1, notFinite)).as("" + notFinite)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    /** A skipped value leaves the parser where the next field starts: what follows it is still read. */
    @Test
    void anUnreadableValueIsSkippedWhole() {
        for (String value : List.of("[[1, [2, [3]], {\"a\": [4]}], [5]]", "[1, [2, 3], 4]", "{\"a\": {\"b\": []}}",
                "[[1, 2], [3], [4, [5]]]")) {
            CheckRequest r = withModule.readValue("{\"variables\": {\"A\": {\"value\": " + value
                    + ", \"shape\": [2, 2]}, \"x\": {\"shape\": [2]}}, \"function\": \"x^T A x\"}", CheckRequest.class);
            assertThat(r.variables().get("A").value()).as(value).isInstanceOf(NumericValue.Unreadable.class);
            assertThat(r.variables().get("A").shape()).containsExactly(2, 2);
            assertThat(r.variables().get("x").shape()).containsExactly(2);
            assertThat(r.function()).isEqualTo("x^T A x");
        }
    }

    /** The array grows no further than max-entries: a longer value is unreadable, refused as before. */
    @Test
    void entriesBeyondTheLimitAreNotStored() {
        JsonMapper capped = JsonMapper.builder().addModule(new FixedValuesModule(5)).build();
        assertThat(value(capped, request("[5]", "[1, 2, 3, 4, 5]"))).isInstanceOf(NumericValue.class);
        assertThat(value(capped, request("[2, 2]", "[[1, 2], [3, 4]]"))).isInstanceOf(NumericValue.class);
        assertThat(value(capped, request("[6]", "[1, 2, 3, 4, 5, 6]"))).isInstanceOf(NumericValue.Unreadable.class);
        assertThat(value(capped, request("[3, 2]", "[[1, 2], [3, 4], [5, 6]]")))
                .isInstanceOf(NumericValue.Unreadable.class);
        CheckRequest r = capped.readValue(request("[3, 2]", "[[1, 2], [3, 4], [5, 6]]"), CheckRequest.class);
        assertThat(r.parts()).hasSize(1);
    }

    /** Written back as the nested arrays read: whole numbers stay whole, the rest as Jackson writes doubles. */
    @Test
    void writtenBackAsTheSameNestedArrays() {
        for (String value : List.of("4", "-0.5", "[1, 0, 0]", "[[2, 1], [1, 3]]", "[[0.25, -1.0E-7], [1.0E20, 3]]",
                "[]")) {
            Object read = value(withModule, request("[2, 2]", value));
            assertThat(withModule.readTree(withModule.writeValueAsString(read))).as(value)
                    .isEqualTo(plain.readTree(plain.writeValueAsString(plain.readTree(value))));
            assertThat(read.toString()).as("as the learner page shows it: " + value)
                    .isEqualTo(plain.readValue(value, Object.class).toString());
        }
    }
}
