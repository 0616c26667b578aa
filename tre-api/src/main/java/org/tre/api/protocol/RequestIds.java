package org.tre.api.protocol;

import jakarta.servlet.http.HttpServletRequest;

import java.util.UUID;

/** The id a request is known by in logs, in the X-Request-ID header and in the events it causes. */
final class RequestIds {

    static final String ATTRIBUTE = RequestIds.class.getName();
    static final String HEADER = "X-Request-ID";

    private RequestIds() {
    }

    static String assign(HttpServletRequest http) {
        String id = UUID.randomUUID().toString();
        http.setAttribute(ATTRIBUTE, id);
        return id;
    }

    static String of(HttpServletRequest http) {
        Object id = http.getAttribute(ATTRIBUTE);
        return id != null ? id.toString() : assign(http);
    }
}
