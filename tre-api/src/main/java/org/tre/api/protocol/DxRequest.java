package org.tre.api.protocol;

import org.tre.directory.token.Caller;

/**
 * One authenticated call: who calls, the entity named in the URL (null for {@code /class/new} and
 * {@code /system/...}), the body, the id of the request, and the address the connection came from
 * (the peer this server sees, a proxy's when one stands in front).
 */
public record DxRequest(Caller caller, String entityId, DxInput input, String requestId, String clientIp) {
}
