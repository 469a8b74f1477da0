package de.grantflow.programme;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** An approval would exceed the remaining budget of the programme's year. */
@ResponseStatus(HttpStatus.CONFLICT)
public class BudgetExhaustedException extends RuntimeException {

    public BudgetExhaustedException(String message) {
        super(message);
    }
}
