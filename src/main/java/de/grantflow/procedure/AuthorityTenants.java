package de.grantflow.procedure;

import static de.grantflow.procedure.GrantApplicationProcess.VAR_AUTHORITY;

import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.util.SpringBootProcessEnginePlugin;
import org.springframework.stereotype.Component;

/**
 * Each process instance belongs to the tenant of its granting authority, whose key every case process is started
 * with (variable {@code authority}); the models, forms and decisions stay shared (deployed without a tenant). The
 * engine's tenant checks then keep each authority's staff and integration accounts to its own instances, tasks and
 * history, whatever else their authorizations allow; an instance started without one would be shared (we start
 * none). The engine's only way to set a tenant per instance is its TenantIdProvider, an interface of an impl package
 * (README: Security).
 */
@Component
class AuthorityTenants extends SpringBootProcessEnginePlugin implements TenantIdProvider {

    @Override
    public void preInit(SpringProcessEngineConfiguration configuration) {
        configuration.setTenantIdProvider(this);
    }

    @Override
    public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext context) {
        Object authority = context.getVariables().get(VAR_AUTHORITY);
        if (authority != null) {
            return authority.toString();
        }
        return context.getSuperExecution() == null ? null : context.getSuperExecution().getTenantId();
    }

    @Override
    public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext context) {
        return null;
    }

    /** A decision taken in a process belongs to the process's authority; one evaluated by our services to none. */
    @Override
    public String provideTenantIdForHistoricDecisionInstance(TenantIdProviderHistoricDecisionInstanceContext context) {
        return context.getExecution() == null ? null : context.getExecution().getTenantId();
    }
}
