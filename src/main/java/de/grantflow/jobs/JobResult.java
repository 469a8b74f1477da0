package de.grantflow.jobs;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The file a finished job produced. */
public record JobResult(String fileName, String contentType, byte[] content) {

    /** The file as a download, never shown inline. */
    public ResponseEntity<byte[]> asDownload() {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(contentType))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(fileName).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(content);
    }
}
