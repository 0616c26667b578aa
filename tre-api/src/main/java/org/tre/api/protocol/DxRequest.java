package org.tre.api.protocol;

import org.tre.directory.token.Caller;

/**
 * One authenticated call: who calls, the entity named in the URL (null for {@code /class/new} and
 * {@code /system/...}), the body, and the id of the request.
 */
public record DxRequest(Caller caller, String entityId, DxInput input, String requestId) {
}
