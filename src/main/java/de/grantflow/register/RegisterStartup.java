package de.grantflow.register;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Fills the register in every profile once every bean (Flyway included) is ready, before the context starts its
 * lifecycle: the web server, the job executor and the start listeners that create demo users all find it filled.
 */
@Component
class RegisterStartup implements SmartInitializingSingleton {

    private final MunicipalityRegister register;

    RegisterStartup(MunicipalityRegister register) {
        this.register = register;
    }

    @Override
    public void afterSingletonsInstantiated() {
        register.reload();
    }
}
