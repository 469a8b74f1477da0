package de.grantflow.forms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The application forms mark the fields that name people; the retention job removes exactly those. */
class PersonalDataFieldsTest {

    private final FormCatalog forms = new FormCatalog(new ObjectMapper());

    PersonalDataFieldsTest() throws IOException {
    }

    @Test
    void theContactPersonAndTheFacilitatorArePersonalData() {
        assertThat(forms.get("kommin-nrw-application").personalDataKeys())
                .containsExactlyInAnyOrder("contactName", "contactEmail", "contactPhone");
        assertThat(forms.get("fluechtlingsdialoge-bw-application").personalDataKeys())
                .containsExactlyInAnyOrder("facilitatorName", "contactName", "contactEmail", "contactPhone");
    }

    @Test
    void aFormWithoutMarksHasNoPersonalFields() {
        assertThat(forms.get("proof-of-use").personalDataKeys()).isEmpty();
    }
}
