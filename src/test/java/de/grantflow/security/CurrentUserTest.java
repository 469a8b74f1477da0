package de.grantflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CurrentUserTest {

    private static CurrentUser staff(Set<Role> roles, Set<String> authorities) {
        return new CurrentUser("pruefer", "Peter Prüfer", null, null, roles, null, authorities);
    }

    @Test
    void reviewerAndApproverGetAGroupPerRoleAndAuthority() {
        CurrentUser user = staff(Set.of(Role.REVIEWER, Role.APPROVER), Set.of("lpb-bw", "br-arnsberg"));

        assertThat(user.candidateGroups()).containsExactly("reviewer-br-arnsberg", "approver-br-arnsberg",
                "reviewer-lpb-bw", "approver-lpb-bw");
    }

    @Test
    void integrationAccountIsInTheIntegrationGroupOfEachAuthorityAndCandidateOfNoTask() {
        CurrentUser account = new CurrentUser("fachverfahren", "Schnittstelle", null, null, Set.of(Role.INTEGRATION),
                null, Set.of("lpb-bw", "br-arnsberg"));

        assertThat(account.candidateGroups()).isEmpty();
        assertThat(account.engineGroups()).containsExactly("integration-br-arnsberg", "integration-lpb-bw");
        assertThat(account.tenants()).containsExactly("br-arnsberg", "lpb-bw");
        assertThat(account.isStaffOf("br-arnsberg")).isFalse();
    }

    @Test
    void staffAreInTheTenantsOfTheirAuthorities() {
        CurrentUser user = staff(Set.of(Role.REVIEWER), Set.of("lpb-bw", "br-arnsberg"));

        assertThat(user.engineGroups()).containsExactly("reviewer-br-arnsberg", "reviewer-lpb-bw");
        assertThat(user.tenants()).containsExactly("br-arnsberg", "lpb-bw");
    }

    @Test
    void applicantGetsTheGroupOfItsMunicipality() {
        CurrentUser user = new CurrentUser("antrag.dortmund", "Anna Schäfer", null, null, Set.of(Role.APPLICANT),
                "05913000", Set.of());

        assertThat(user.isApplicant()).isTrue();
        assertThat(user.candidateGroups()).containsExactly("applicant-05913000");
        assertThat(user.isStaffOf("br-arnsberg")).isFalse();
    }

    @Test
    void administratorIsCamundaAdminAndStaffEverywhere() {
        CurrentUser admin = staff(Set.of(Role.ADMIN), Set.of());

        assertThat(admin.candidateGroups()).containsExactly("camunda-admin");
        assertThat(admin.isStaffOf("br-arnsberg")).isTrue();
        assertThat(admin.isApplicant()).isFalse();
    }

    @Test
    void staffBelongOnlyToTheirOwnAuthorities() {
        CurrentUser manager = staff(Set.of(Role.PROGRAMME_MANAGER), Set.of("lpb-bw"));

        assertThat(manager.isStaffOf("lpb-bw")).isTrue();
        assertThat(manager.isStaffOf("br-arnsberg")).isFalse();
        assertThat(manager.candidateGroups()).isEmpty();
    }

    @Test
    void anAuthorityAloneDoesNotMakeStaff() {
        CurrentUser applicant = new CurrentUser("x", "X", null, null, Set.of(Role.APPLICANT), "05913000",
                Set.of("br-arnsberg"));

        assertThat(applicant.isStaffOf("br-arnsberg")).isFalse();
        assertThat(applicant.candidateGroups()).containsExactly("applicant-05913000");
    }

    @Test
    void rolesAndAuthoritiesCannotBeChangedFromOutside() {
        CurrentUser user = staff(new HashSet<>(Set.of(Role.REVIEWER)), null);

        assertThat(user.authorities()).isEmpty();
        assertThat(user.roles()).isUnmodifiable();
    }
}
