package de.grantflow.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import de.grantflow.programme.Authority;
import de.grantflow.programme.Programme;
import de.grantflow.programme.ProgrammeCatalog;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.AuthorizationQuery;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.task.IdentityLink;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the engine lets each group see and do once its authorization and tenant checks are on (they apply to every
 * call made with an authenticated user: Tasklist, Cockpit, the engine REST API, our worklist's claim and complete;
 * the application's own calls without an authenticated user are not checked).
 *
 * <p>Each granting authority is a tenant: its process instances, tasks and jobs carry its key (procedure's
 * tenant provider), and its reviewer, approver and integration groups are members of it, so no group ever sees
 * another authority's instance. Within the tenant the engine itself grants a task to its candidate groups and its
 * assignee as the task is created or assigned (read and update), which is what reviewers and approvers work on;
 * the grants below add what the webapps need to show it, and read access for integration accounts.
 *
 * <p>Granted at every start, idempotently, under a PostgreSQL advisory lock held for the transaction: nodes of a
 * cluster starting together would otherwise both insert the same grant and one would fail on the engine's unique
 * constraint.
 */
@Component
class EngineAuthorizations {

    /** "engauth" in ASCII; the engine's schema lock and the audit sealer use other keys. */
    private static final long LOCK = 0x656e6761757468L;

    private final AuthorizationService authorizations;
    private final IdentityService identity;
    private final TaskService tasks;
    private final ProgrammeCatalog programmes;
    private final JdbcClient jdbc;

    EngineAuthorizations(AuthorizationService authorizations, IdentityService identity, TaskService tasks,
            ProgrammeCatalog programmes, JdbcClient jdbc) {
        this.authorizations = authorizations;
        this.identity = identity;
        this.tasks = tasks;
        this.programmes = programmes;
        this.jdbc = jdbc;
    }

    /** Before any account is mirrored into the engine (demo users, administrator), so that their groups exist. */
    @EventListener(ApplicationStartedEvent.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    @Transactional
    void grant() {
        jdbc.sql("SELECT pg_advisory_xact_lock(" + LOCK + ")").query().singleRow();
        for (Resources resource : Resources.values()) {
            grant(EngineGroups.ADMINISTRATORS, resource, ANY, Permissions.ALL);
        }
        for (Authority authority : authorities()) {
            tenant(authority);
            for (String staff : List.of(EngineGroups.reviewers(authority.key()),
                    EngineGroups.approvers(authority.key()))) {
                group(staff, authority);
                grant(staff, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
                grant(staff, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
                grant(staff, Resources.FILTER, ANY, Permissions.READ);
                grant(staff, Resources.GROUP, staff, Permissions.READ);
                // the shared models (one BPMN for all programmes) and, through the tenant, the authority's cases:
                // what our API shows a reviewer too. Tasks only as candidate or assignee (granted by the engine).
                grant(staff, Resources.PROCESS_DEFINITION, ANY, Permissions.READ, Permissions.READ_INSTANCE,
                        Permissions.READ_HISTORY);
                grant(staff, Resources.DECISION_DEFINITION, ANY, Permissions.READ);
            }
            String integration = EngineGroups.integration(authority.key());
            group(integration, authority);
            grant(integration, Resources.PROCESS_DEFINITION, ANY, Permissions.READ, Permissions.READ_INSTANCE,
                    Permissions.READ_TASK, Permissions.READ_HISTORY);
        }
        grantTasksCreatedWithoutChecks();
    }

    /**
     * The engine grants a task to its candidates and assignee only while its checks are on: tasks created before
     * they were (an installation from before this version) would be hidden from their candidates and refused to our
     * own worklist. They get the grants the engine would have given them, read and update. Once all tasks have theirs
     * the query finds none, so this costs a start nothing after the first.
     */
    private void grantTasksCreatedWithoutChecks() {
        List<String> ungranted = jdbc.sql("""
                SELECT t.id_ FROM act_ru_task t
                WHERE NOT EXISTS (SELECT 1 FROM act_ru_authorization a
                                  WHERE a.resource_type_ = :task AND a.resource_id_ = t.id_)""")
                .param("task", Resources.TASK.resourceType()).query(String.class).list();
        for (String taskId : ungranted) {
            for (IdentityLink link : tasks.getIdentityLinksForTask(taskId)) {
                if (link.getGroupId() != null) {
                    grant(null, link.getGroupId(), Resources.TASK, taskId, Permissions.READ, Permissions.UPDATE);
                } else if (link.getUserId() != null) {
                    grant(link.getUserId(), null, Resources.TASK, taskId, Permissions.READ, Permissions.UPDATE);
                }
            }
        }
    }

    private Collection<Authority> authorities() {
        Map<String, Authority> byKey = new LinkedHashMap<>();
        for (Programme programme : programmes.all()) {
            byKey.putIfAbsent(programme.authority().key(), programme.authority());
        }
        return byKey.values();
    }

    private void tenant(Authority authority) {
        Tenant tenant = identity.createTenantQuery().tenantId(authority.key()).singleResult();
        if (tenant == null) {
            tenant = identity.newTenant(authority.key());
        }
        if (!authority.name().equals(tenant.getName())) {
            tenant.setName(authority.name());
            identity.saveTenant(tenant);
        }
    }

    /** The group, and its membership in the authority's tenant. */
    private void group(String groupId, Authority authority) {
        if (identity.createGroupQuery().groupId(groupId).count() == 0) {
            Group group = identity.newGroup(groupId);
            group.setName(groupId);
            group.setType("WORKFLOW");
            identity.saveGroup(group);
        }
        if (identity.createTenantQuery().tenantId(authority.key()).groupMember(groupId).count() == 0) {
            identity.createTenantGroupMembership(authority.key(), groupId);
        }
    }

    private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        grant(null, groupId, resource, resourceId, permissions);
    }

    /** Adds the permissions to the user's or group's grant on the resource, creating the grant if there is none. */
    private void grant(String userId, String groupId, Resource resource, String resourceId,
            Permission... permissions) {
        AuthorizationQuery query = authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
                .resourceType(resource).resourceId(resourceId);
        Authorization grant = (userId != null ? query.userIdIn(userId) : query.groupIdIn(groupId)).singleResult();
        if (grant == null) {
            grant = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
            grant.setUserId(userId);
            grant.setGroupId(groupId);
            grant.setResource(resource);
            grant.setResourceId(resourceId);
        }
        boolean missing = false;
        for (Permission permission : permissions) {
            if (!grant.isPermissionGranted(permission)) {
                grant.addPermission(permission);
                missing = true;
            }
        }
        if (missing) {
            authorizations.saveAuthorization(grant);
        }
    }
}
