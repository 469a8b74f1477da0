package de.grantflow.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The caller: roles, the municipality of an applicant, the authorities of staff. */
public record CurrentUser(String username, String displayName, String email, String phone, Set<Role> roles,
        String municipalityAgs, Set<String> authorities) {

    /** The roles that see the cases of their authorities; auditors see them too, but may not change them. */
    private static final Set<Role> STAFF = Set.of(Role.REVIEWER, Role.APPROVER, Role.PROGRAMME_MANAGER, Role.AUDITOR);

    public CurrentUser {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        authorities = authorities == null ? Set.of() : Set.copyOf(authorities);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean isApplicant() {
        return has(Role.APPLICANT);
    }

    /** An auditor and nothing else that may act: every request that could change something is refused. */
    public boolean readOnly() {
        return has(Role.AUDITOR) && roles.stream().allMatch(r -> r == Role.AUDITOR || r == Role.EVALUATOR);
    }

    /** Staff of the authority (reviewer, approver, programme manager or auditor there), or an administrator. */
    public boolean isStaffOf(String authorityKey) {
        return has(Role.ADMIN)
                || roles.stream().anyMatch(STAFF::contains) && authorities.contains(authorityKey);
    }

    /** The engine's candidate groups this user belongs to, in a stable order. */
    public List<String> candidateGroups() {
        List<String> groups = new ArrayList<>();
        if (isApplicant() && municipalityAgs != null) {
            groups.add("applicant-" + municipalityAgs);
        }
        for (String authority : authorities.stream().sorted().toList()) {
            if (has(Role.REVIEWER)) {
                groups.add("reviewer-" + authority);
            }
            if (has(Role.APPROVER)) {
                groups.add("approver-" + authority);
            }
        }
        if (has(Role.ADMIN)) {
            groups.add("camunda-admin");
        }
        return List.copyOf(groups);
    }
}
