package de.grantflow.dashboard;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.web.multipart.MultipartFile;

/** The uploaded CSV of earlier cases as text: UTF-8 (as the import expects), or the reason it is not. */
final class LegacyUpload {

    private LegacyUpload() {
    }

    static Optional<String> text(MultipartFile file) throws IOException {
        if (file == null || file.isEmpty()) {
            return Optional.empty();
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(file.getBytes()))
                    .toString();
            // a NUL does not occur in a CSV; it is a binary file with a .csv name
            return text.indexOf('\0') >= 0 ? Optional.empty() : Optional.of(text);
        } catch (CharacterCodingException notUtf8) {
            return Optional.empty();
        }
    }

    /** The message key that says why {@link #text} found no CSV. */
    static String problem(MultipartFile file) {
        return file == null || file.isEmpty() ? "dashboard.legacy.error.missing" : "dashboard.legacy.error.text";
    }
}
