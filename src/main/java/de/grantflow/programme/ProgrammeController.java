package de.grantflow.programme;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.grantflow.forms.FormCatalog;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The programmes with their calls and conditions, and each programme's application form. */
@RestController
@RequestMapping("/api/programmes")
@Tag(name = "Förderprogramme", description = "Programme, Förderaufrufe und Antragsformulare")
class ProgrammeController {

    private final ProgrammeCatalog catalog;
    private final FormCatalog forms;
    private final ObjectMapper json;
    private final Clock clock;

    ProgrammeController(ProgrammeCatalog catalog, FormCatalog forms, ObjectMapper json, Clock clock) {
        this.catalog = catalog;
        this.forms = forms;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "Alle Förderprogramme mit ihren Aufrufen; open sagt, ob heute ein Aufruf geöffnet ist")
    List<ProgrammeView> list() {
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Europe/Berlin")));
        return catalog.all().stream().map(p -> ProgrammeView.of(p, today)).toList();
    }

    @GetMapping("/{key}")
    @Operation(summary = "Ein Förderprogramm")
    ProgrammeView get(@PathVariable String key) {
        return ProgrammeView.of(catalog.get(key), LocalDate.now(clock.withZone(ZoneId.of("Europe/Berlin"))));
    }

    @GetMapping("/{key}/form")
    @Operation(summary = "Das Antragsformular des Programms (Camunda Forms JSON)")
    JsonNode form(@PathVariable String key) throws JsonProcessingException {
        return json.readTree(forms.get(catalog.get(key).applicationForm()).json());
    }

    record ProgrammeView(String key, String name, String shortName, String state, String authority,
            String legalBasis, String financingType, String financing, BigDecimal ratePercent, BigDecimal minGrant,
            BigDecimal maxGrant, Set<String> eligibleKinds, Priorities priorities, List<Call> calls, boolean open,
            String applicationForm, Retention retention) {
        static ProgrammeView of(Programme p, LocalDate today) {
            return new ProgrammeView(p.key(), p.name(), p.shortName(), p.state().name(), p.authority().name(),
                    p.legalBasis().directive(), p.financing().type().name(), p.financing().describe(),
                    p.financing().ratePercent(), p.financing().minGrant(), p.financing().maxGrant(),
                    p.eligibleKinds(), p.priorities(), p.calls(), p.openCall(today).isPresent(),
                    p.applicationForm(), p.retention());
        }
    }
}
