package org.tre.api.protocol;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * What every response carries, whatever answers it: an X-Request-ID, and CORS headers that echo the
 * caller's Origin and requested headers. Preflights end here.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class DxProtocolFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String requestId = stamp(request, response);
        if ("OPTIONS".equals(request.getMethod())) {
            response.setHeader("Access-Control-Allow-Methods", "POST, OPTIONS");
            String requested = request.getHeader("Access-Control-Request-Headers");
            if (requested != null) {
                response.setHeader("Access-Control-Allow-Headers", requested);
            }
            response.setHeader("Access-Control-Max-Age", "3600");
            response.setStatus(HttpServletResponse.SC_OK);
            return;
        }
        MDC.put("requestId", requestId);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove("requestId");
            MDC.remove("userId");
        }
    }

    /**
     * The request's id and the CORS answer to its Origin, on the response; also for what Tomcat refuses
     * before this filter can run (DxErrorReportValve). Returns the id.
     */
    static String stamp(HttpServletRequest request, HttpServletResponse response) {
        String requestId = RequestIds.of(request);
        response.setHeader(RequestIds.HEADER, requestId);
        String origin = request.getHeader("Origin");
        if (origin != null) {
            response.setHeader("Access-Control-Allow-Origin", origin);
            response.setHeader("Access-Control-Expose-Headers", RequestIds.HEADER);
            response.addHeader("Vary", "Origin");
        }
        return requestId;
    }

    /** Error dispatches must keep the request id too. */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return true;
    }
}
