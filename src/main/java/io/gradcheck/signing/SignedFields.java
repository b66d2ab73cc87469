package io.gradcheck.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Tokens that carry a few text fields and cannot be changed without the key:
 * {@code base64url(field \n field \n …) "." base64url(HMAC-SHA256 of the first part)}. Learner tokens and
 * instructor links are made of these, each with its own key and its own fields; what the fields mean (and
 * when they expire) is the caller's.
 */
public final class SignedFields {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final byte[] key;

    /** @param key at least 32 bytes of secret */
    public SignedFields(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("a signing key needs at least 32 bytes");
        }
        this.key = key.clone();
    }

    public String sign(List<String> fields) {
        for (String f : fields) {
            if (f.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("signed fields cannot contain line breaks");
            }
        }
        String payload = ENCODER.encodeToString(String.join("\n", fields).getBytes(StandardCharsets.UTF_8));
        return payload + "." + ENCODER.encodeToString(mac(payload));
    }

    /** The fields, when the token is well formed and its signature is this key's; empty otherwise. */
    public Optional<List<String>> verify(String token) {
        if (token == null) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            return Optional.empty();
        }
        String payload = token.substring(0, dot);
        // The signature is compared as text with the one spelling this key gives: base64url's last character
        // carries bits the decoder ignores, so comparing decoded bytes would take several spellings of one token.
        byte[] expected = ENCODER.encodeToString(mac(payload)).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII), expected)) {
            return Optional.empty();
        }
        try {
            String text = new String(DECODER.decode(payload), StandardCharsets.UTF_8);
            return Optional.of(Arrays.asList(text.split("\n", -1)));
        } catch (IllegalArgumentException e) { // not base64
            return Optional.empty();
        }
    }

    private byte[] mac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
