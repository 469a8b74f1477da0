package de.grantflow.security;

/**
 * The engine's group ids: the BPMN models name the candidate groups {@code reviewer-${authority}} and
 * {@code approver-${authority}}, the engine's authorizations are granted to these groups, and Camunda's own
 * administrators are the group {@code camunda-admin}.
 */
public final class EngineGroups {

    public static final String ADMINISTRATORS = "camunda-admin";

    private EngineGroups() {
    }

    public static String reviewers(String authorityKey) {
        return "reviewer-" + authorityKey;
    }

    public static String approvers(String authorityKey) {
        return "approver-" + authorityKey;
    }

    /** Integration accounts of the authority: read-only access to its process instances and tasks. */
    public static String integration(String authorityKey) {
        return "integration-" + authorityKey;
    }
}
