package de.grantflow.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The command that verifies the chain: start the application with {@code --grantflow.audit.verify-and-exit=true}; it
 * seals what is pending, verifies, prints the outcome and exits with 0 (intact) or 3 (broken).
 */
@Component
@ConditionalOnProperty("grantflow.audit.verify-and-exit")
class AuditVerifyCommand implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AuditVerifyCommand.class);

    private final AuditChain chain;
    private final ApplicationContext context;

    AuditVerifyCommand(AuditChain chain, ApplicationContext context) {
        this.chain = chain;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        chain.seal();
        AuditChain.Verification outcome = chain.verify();
        if (outcome.valid()) {
            log.info("Prüfpfad intakt: {} Glieder, letzter Hash {}", outcome.sealed(), outcome.head());
        } else {
            log.error("Prüfpfad VERLETZT: {} ({} Glieder davor intakt)", outcome.problem(), outcome.sealed());
        }
        int code = outcome.valid() ? 0 : 3;
        System.exit(SpringApplication.exit(context, (ExitCodeGenerator) () -> code));
    }
}
