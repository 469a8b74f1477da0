package de.grantflow.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

/** Figures as the reader's language writes them: 1.234.567,89 € in German, €1,234,567.89 in English. */
record Numbers(Locale locale) {

    private static final Currency EURO = Currency.getInstance("EUR");
    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    public String money(BigDecimal amount) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(EURO);
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return format.format(amount);
    }

    public String count(long value) {
        return NumberFormat.getIntegerInstance(locale).format(value);
    }

    /** Euros in millions with two decimals (programme reports give one, which shows most years' funds as 0,0). */
    public String millions(BigDecimal amount) {
        return decimal(amount.divide(MILLION, 2, RoundingMode.HALF_UP), 2);
    }

    /** Days with one decimal (a median can fall between two days); a dash where no case completed the stage. */
    public String days(Double days) {
        return days == null ? "–" : decimal(BigDecimal.valueOf(days), 1);
    }

    /** A share such as 0.667 as 66,7 %; a dash where there is nothing to divide. */
    public String percent(BigDecimal share) {
        if (share == null) {
            return "–";
        }
        NumberFormat format = NumberFormat.getPercentInstance(locale);
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        return format.format(share);
    }

    public String share(long part, long whole) {
        return whole == 0 ? "–" : percent(BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 3,
                RoundingMode.HALF_UP));
    }

    private String decimal(BigDecimal value, int digits) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(value.setScale(digits, RoundingMode.HALF_UP));
    }
}
