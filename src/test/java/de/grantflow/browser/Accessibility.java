package de.grantflow.browser;

import static org.assertj.core.api.Assertions.fail;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.openqa.selenium.WebDriver;

/**
 * Runs axe-core on the page the browser shows, against WCAG 2.0 and 2.1 at levels A and AA (what BITV 2.0 asks), and
 * fails on every violation axe rates serious or critical. Minor and moderate findings do not fail: axe rates, for
 * instance, a missing landmark around a single paragraph moderate, and those are judged by people, not by a test.
 */
public final class Accessibility {

    static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    private static final Set<String> FAILING = Set.of("serious", "critical");

    private Accessibility() {
    }

    public static void check(WebDriver driver, String pageName) {
        Results results = new AxeBuilder().withTags(TAGS).analyze(driver);
        if (results.isErrored()) {
            fail("axe-core could not check " + pageName + ": " + results.getErrorMessage());
        }
        List<Rule> failing = results.getViolations().stream().filter(rule -> FAILING.contains(rule.getImpact()))
                .toList();
        if (!failing.isEmpty()) {
            fail("Accessibility violations on " + pageName + " (" + driver.getCurrentUrl() + "):\n"
                    + failing.stream().map(Accessibility::describe).collect(Collectors.joining("\n")));
        }
    }

    private static String describe(Rule rule) {
        return "- " + rule.getId() + " [" + rule.getImpact() + "] " + rule.getHelp() + " (" + rule.getHelpUrl()
                + ")\n" + rule.getNodes().stream().map(Accessibility::describe).collect(Collectors.joining("\n"));
    }

    private static String describe(CheckedNode node) {
        return "    at " + node.getTarget() + ": " + node.getFailureSummary().replace("\n", " ");
    }
}
