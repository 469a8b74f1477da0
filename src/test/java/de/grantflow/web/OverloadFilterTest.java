package de.grantflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Beyond its capacity the API answers 503 with Retry-After at once, and serves again when the load is gone. */
class OverloadFilterTest {

    private final RequestLoad load = new RequestLoad();
    private final OverloadFilter filter = new OverloadFilter(1, Duration.ofMillis(200), new ObjectMapper()
            .findAndRegisterModules(), load);

    @Test
    void shedsWhatWouldWaitTooLongAndRecoversByItself() throws Exception {
        CountDownLatch working = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<MockHttpServletResponse> busy = CompletableFuture.supplyAsync(() -> call(() -> {
            working.countDown();
            await(release);
        }));
        assertThat(working.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(load.working()).as("requests at work, which background work gives way to").isOne();

        MockHttpServletResponse shed = call(() -> { });

        assertThat(shed.getStatus()).isEqualTo(503);
        assertThat(shed.getHeader("Retry-After")).isEqualTo("1");
        assertThat(shed.getContentAsString()).contains("überlastet", "nicht ausgeführt");

        release.countDown();
        assertThat(busy.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        assertThat(call(() -> { }).getStatus()).isEqualTo(200);
        assertThat(load.working()).isZero();
        assertThat(load.arrived()).as("the two admitted requests; the shed one never came in").isEqualTo(2);
    }

    @Test
    void leavesEverythingOutsideTheApiAlone() {
        assertThat(filter.shouldNotFilter(new MockHttpServletRequest("GET", "/actuator/health"))).isTrue();
        assertThat(filter.shouldNotFilter(new MockHttpServletRequest("GET", "/camunda/app/tasklist/"))).isTrue();
        assertThat(filter.shouldNotFilter(new MockHttpServletRequest("GET", "/api/programmes"))).isFalse();
    }

    private MockHttpServletResponse call(Runnable work) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/applications");
        MockHttpServletResponse response = new MockHttpServletResponse();
        try {
            filter.doFilter(request, response, (req, res) -> work.run());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return response;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
