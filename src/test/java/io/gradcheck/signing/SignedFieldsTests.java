package io.gradcheck.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignedFieldsTests {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private final SignedFields signed = new SignedFields("a key of at least thirty-two bytes, for tests only"
            .getBytes(StandardCharsets.US_ASCII));

    @Test
    void aTokenGivesBackItsFields() {
        List<String> fields = List.of("learner-1", "a-set", "1900000000");
        assertThat(signed.verify(signed.sign(fields))).contains(fields);
    }

    /**
     * Every one-character change is refused, at every position and with every other base64url character —
     * including the signature's last character, whose two low bits a base64 decoder ignores (a token must have
     * one spelling, or a "changed" token would open the page one time in sixteen).
     */
    @Test
    void everyOneCharacterChangeOfATokenIsRefused() {
        for (String learner : List.of("a", "ab", "abc", "learner-with-a-longer-id")) {
            String token = signed.sign(List.of(learner, "a-set", "1900000000"));
            for (int i = 0; i < token.length(); i++) {
                for (char c : ALPHABET.toCharArray()) {
                    if (c == token.charAt(i) || token.charAt(i) == '.') {
                        continue;
                    }
                    String changed = token.substring(0, i) + c + token.substring(i + 1);
                    assertThat(signed.verify(changed)).as("%s changed at %d to %s", token, i, c).isEmpty();
                }
            }
        }
    }

    @Test
    void malformedTokensAreRefusedWithoutAnError() {
        String token = signed.sign(List.of("x", "y"));
        for (String bad : Arrays.asList(null, "", ".", token + ".", "." + token, token.replace('.', '!'),
                "é" + token, token + "é", token.substring(0, token.indexOf('.') + 1))) {
            assertThat(signed.verify(bad)).as(String.valueOf(bad)).isEmpty();
        }
    }

    @Test
    void anotherKeysTokenIsRefused() {
        var other = new SignedFields("another key of at least thirty-two bytes, tests".getBytes(StandardCharsets.US_ASCII));
        assertThat(signed.verify(other.sign(List.of("x")))).isEmpty();
    }
}
