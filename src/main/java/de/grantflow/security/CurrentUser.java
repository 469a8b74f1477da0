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
        for (String authority : tenants()) {
            if (has(Role.REVIEWER)) {
                groups.add(EngineGroups.reviewers(authority));
            }
            if (has(Role.APPROVER)) {
                groups.add(EngineGroups.approvers(authority));
            }
        }
        if (has(Role.ADMIN)) {
            groups.add(EngineGroups.ADMINISTRATORS);
        }
        return List.copyOf(groups);
    }

    /** The groups of the user's engine account: the candidate groups and, for an integration account, its own. */
    public List<String> engineGroups() {
        List<String> groups = new ArrayList<>(candidateGroups());
        if (has(Role.INTEGRATION)) {
            tenants().forEach(authority -> groups.add(EngineGroups.integration(authority)));
        }
        return List.copyOf(groups);
    }

    /** The engine's tenants of the user: one per authority, sorted; the engine's tenant checks compare with them. */
    public List<String> tenants() {
        return authorities.stream().sorted().toList();
    }
}
