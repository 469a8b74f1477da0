package de.grantflow.funding;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Interest cannot be calculated for a day the table of base rates does not reach. */
@ResponseStatus(HttpStatus.CONFLICT)
public class BaseRateMissingException extends RuntimeException {

    BaseRateMissingException(LocalDate from) {
        super("Der Basiszinssatz ab " + DateTimeFormatter.ofPattern("dd.MM.yyyy").format(from)
                + " ist nicht hinterlegt; bitte die Tabelle ergänzen (grantflow.base-rates.file)");
    }
}
