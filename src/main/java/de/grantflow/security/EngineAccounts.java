package de.grantflow.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/** Staff accounts mirrored into the engine's identity tables, which the Camunda webapps read. */
@Component
class EngineAccounts {

    private final IdentityService identity;

    EngineAccounts(IdentityService identity) {
        this.identity = identity;
    }

    /** The user in the engine with exactly these groups, so that Tasklist and Cockpit know them. */
    void save(NewUser user, List<String> groups) {
        User account = identity.createUserQuery().userId(user.username()).singleResult();
        if (account == null) {
            account = identity.newUser(user.username());
        }
        String[] names = user.displayName().split(" ", 2);
        account.setFirstName(names[0]);
        account.setLastName(names.length > 1 ? names[1] : names[0]);
        account.setEmail(user.email());
        account.setPassword(user.rawPassword());
        identity.saveUser(account);
        for (Group stale : identity.createGroupQuery().groupMember(user.username()).list()) {
            if (!groups.contains(stale.getId())) {
                identity.deleteMembership(user.username(), stale.getId());
            }
        }
        for (String groupId : groups) {
            if (identity.createGroupQuery().groupId(groupId).singleResult() == null) {
                Group group = identity.newGroup(groupId);
                group.setName(groupId);
                group.setType(groupId.equals(EngineGroups.ADMINISTRATORS) ? "SYSTEM" : "WORKFLOW");
                identity.saveGroup(group);
            }
            if (identity.createUserQuery().userId(user.username()).memberOfGroup(groupId).count() == 0) {
                identity.createMembership(user.username(), groupId);
            }
        }
    }

    /** A user who is no longer staff keeps no engine account, and with it no group of the webapps. */
    void forget(String username) {
        if (identity.createUserQuery().userId(username).count() > 0) {
            identity.deleteUser(username);
        }
    }
}
