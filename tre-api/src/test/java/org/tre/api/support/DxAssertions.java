package org.tre.api.support;

import static org.assertj.core.api.Assertions.assertThat;

/** The one way HTTP tests check a DNAnexus error: status, exact type, a message, a JSON body. */
public final class DxAssertions {

    private DxAssertions() {
    }

    public static void assertError(Dx.Response response, int status, String type) {
        assertThat(response.status()).as(response.raw().body()).isEqualTo(status);
        assertThat(response.errorType()).as(response.raw().body()).isEqualTo(type);
        assertThat(response.errorMessage()).isNotBlank();
        assertThat(response.header("Content-Type")).startsWith("application/json");
    }

    /** The message of an InvalidInput refusal, for tests of what exactly an input's fault is called. */
    public static String invalidInput(Dx.Response response) {
        assertError(response, 422, "InvalidInput");
        return response.errorMessage();
    }
}
