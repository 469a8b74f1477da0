package de.grantflow.programme;

import java.util.List;

/** The programme's own wording in its letters. */
public record LetterTexts(String purpose, String payoutAndProof, List<String> ancillaryProvisions, String signature) {

    /** The purpose of the grant for a project, from the template with {projectTitle}. */
    public String purposeFor(String projectTitle) {
        return purpose.replace("{projectTitle}", projectTitle == null ? "" : projectTitle);
    }
}
