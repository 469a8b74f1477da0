package de.grantflow.statistics;

import de.grantflow.forms.FieldError;
import de.grantflow.forms.FormValidationException;
import java.util.List;

/** The years of submission a programme's figures count, both included: in order and at most a century long. */
public record YearRange(int from, int to) {

    public static final int LONGEST = 100;

    public YearRange {
        if (from > to || to - from > LONGEST) {
            throw new FormValidationException(List.of(new FieldError("from",
                    "from muss vor to liegen (höchstens " + LONGEST + " Jahre)")));
        }
    }
}
