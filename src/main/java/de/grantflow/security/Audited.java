package de.grantflow.security;

import java.util.Map;

/**
 * Something the audit trail must keep that is not a change of a case: a download, a refused access. Published by any
 * module as an application event; the audit module records it with the caller and their address.
 *
 * @param action what happened, e.g. LETTER_DOWNLOADED
 * @param subject what it concerned, e.g. letter:6f1c…
 */
public record Audited(String action, String subject, Map<String, Object> details) {

    public Audited {
        details = details == null ? Map.of() : Map.copyOf(details);
    }
}
