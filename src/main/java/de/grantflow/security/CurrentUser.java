package de.grantflow.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The caller: roles, the municipality of an applicant, the authorities of staff. */
public record CurrentUser(String username, String displayName, String email, String phone, Set<Role> roles,
        String municipalityAgs, Set<String> authorities) {

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean isApplicant() {
        return has(Role.APPLICANT) && municipalityAgs != null;
    }

    /** Staff of the authority (reviewer, approver or programme manager there), or an administrator. */
    public boolean isStaffOf(String authorityKey) {
        return has(Role.ADMIN) || (has(Role.REVIEWER) || has(Role.APPROVER) || has(Role.PROGRAMME_MANAGER))
                && authorities.contains(authorityKey);
    }

    /** The engine's candidate groups this user belongs to. */
    public List<String> candidateGroups() {
        List<String> groups = new ArrayList<>();
        if (isApplicant()) {
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
        return groups;
    }
}
