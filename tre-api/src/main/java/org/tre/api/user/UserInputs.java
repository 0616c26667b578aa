package org.tre.api.user;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.tre.api.protocol.input.Messages;

import java.util.Map;

/** The declared inputs of the user routes (DECISIONS.md §11, §12). */
final class UserInputs {

    private UserInputs() {
    }

    record NewUserInput(
            @NotNull
            @Pattern(regexp = Messages.HANDLE_PATTERN, message = Messages.HANDLE)
            String username,
            @NotNull
            @Size(max = 254, message = "'email' must be an email address")
            @Pattern(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "'email' must be an email address")
            String email,
            @Size(max = 256, message = Messages.AT_MOST) String first,
            @Size(max = 256, message = Messages.AT_MOST) String middle,
            @Size(max = 256, message = Messages.AT_MOST) String last,
            String nonce,
            @Pattern(regexp = "(?s)org-.*", message = Messages.ORG_ID) String provisioningOrg) {
    }

    /**
     * {@code appsInstalled} and {@code subscriptions} are the inclusion flags {@code dx describe user-xxxx}
     * sends; they are accepted and add nothing, since no user here installs apps or holds subscriptions.
     */
    record DescribeUserInput(Map<String, Boolean> fields, Boolean appsInstalled, Boolean subscriptions) {
    }
}
