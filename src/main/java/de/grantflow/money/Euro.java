package de.grantflow.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Formats euro amounts the German way: {@code 12.345,67 EUR}. */
public final class Euro {

    private Euro() {
    }

    public static String format(BigDecimal amount) {
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.GERMANY));
        return format.format(amount.setScale(2, RoundingMode.HALF_UP)) + " EUR";
    }
}
