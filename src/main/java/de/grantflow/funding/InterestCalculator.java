package de.grantflow.funding;

import de.grantflow.letters.LetterBody.InterestLine;
import de.grantflow.letters.LetterBody.InterestStatement;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Interest at a number of percentage points above the base rate, to the day (§ 49a (3) and (4) VwVfG with § 247 BGB).
 * The stretch from the first day to the day before the last is split wherever the base rate changes and at each year
 * end; each part bears principal × rate × days / days of its calendar year (365 or 366), rounded to the cent.
 */
@Component
public class InterestCalculator {

    static final BigDecimal POINTS_ABOVE_BASE_RATE = new BigDecimal("5");

    private final BaseRates rates;

    InterestCalculator(BaseRates rates) {
        this.rates = rates;
    }

    /** Interest on the principal for every day from {@code from} up to, but not including, {@code until}. */
    public InterestStatement calculate(BigDecimal principal, LocalDate from, LocalDate until) {
        List<InterestLine> lines = new ArrayList<>();
        if (principal.signum() <= 0 || !from.isBefore(until)) {
            return new InterestStatement(lines, BigDecimal.ZERO.setScale(2));
        }
        LocalDate start = from;
        while (start.isBefore(until)) {
            LocalDate yearEnd = LocalDate.of(start.getYear() + 1, 1, 1);
            // a rate is known only up to the end of the table: a stretch beyond it asks for a rate and is refused
            LocalDate nextChange = min(until, rates.coveredUntil().isAfter(start) ? rates.coveredUntil() : until);
            if (!rates.changesBetween(start, until).isEmpty()) {
                nextChange = min(nextChange, rates.changesBetween(start, until).firstKey());
            }
            LocalDate end = min(until, min(yearEnd, nextChange));
            BigDecimal baseRate = rates.on(start);
            BigDecimal rate = baseRate.add(POINTS_ABOVE_BASE_RATE);
            long days = ChronoUnit.DAYS.between(start, end);
            int daysInYear = start.lengthOfYear();
            BigDecimal interest = principal.multiply(rate).multiply(BigDecimal.valueOf(days))
                    .divide(BigDecimal.valueOf(100L * daysInYear), 2, RoundingMode.HALF_UP);
            lines.add(new InterestLine(start, end.minusDays(1), days, daysInYear, baseRate, rate, principal, interest));
            start = end;
        }
        return new InterestStatement(lines, lines.stream().map(InterestLine::interest)
                .reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2));
    }

    /** Several statements as one (interest on several payouts). */
    public static InterestStatement combine(List<InterestStatement> statements) {
        List<InterestLine> lines = statements.stream().flatMap(s -> s.lines().stream()).toList();
        return new InterestStatement(lines, statements.stream().map(InterestStatement::total)
                .reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2));
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
