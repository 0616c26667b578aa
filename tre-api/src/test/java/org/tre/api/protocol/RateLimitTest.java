package org.tre.api.protocol;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tre.api.TreApplication;
import org.tre.api.support.Dx;

import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tre.api.support.DxAssertions.assertError;

/** RateLimitConditional, 429 with Retry-After, on a service whose limit is set very low. */
@SpringBootTest(classes = TreApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"TRE_ADMIN_TOKEN=rateLimitedOperatorToken0123456789", "tre.rate-limit.per-second=0.01",
                "tre.rate-limit.burst=3"})
class RateLimitTest {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) throws Exception {
        var dir = Files.createTempDirectory("tre-ratelimit-");
        registry.add("tre.data-dir", dir::toString);
    }

    @Test
    void aCallerPastTheLimitIsToldToRetryLater() {
        Dx dx = new Dx(port);
        for (int i = 0; i < 3; i++) {
            assertThat(dx.post("/system/whoami", "rateLimitedOperatorToken0123456789", "{}").status()).isEqualTo(200);
        }
        Dx.Response limited = dx.post("/system/whoami", "rateLimitedOperatorToken0123456789", "{}");
        assertError(limited, 429, "RateLimitConditional");
        assertThat(limited.header("Retry-After")).isEqualTo("1");
    }
}
