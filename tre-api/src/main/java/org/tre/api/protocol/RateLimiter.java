package org.tre.api.protocol;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.tre.messages.error.DxException;
import org.tre.messages.error.ErrorType;

import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per user: a runaway script of one user must not starve the others. Clients back off
 * by themselves on RateLimitConditional, after the Retry-After the response names.
 */
@Component
public class RateLimiter {

    private final double perSecond;
    private final double burst;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(@Value("${tre.rate-limit.per-second:100}") double perSecond,
                       @Value("${tre.rate-limit.burst:200}") double burst) {
        this.perSecond = perSecond;
        this.burst = burst;
    }

    public void admit(String userId) {
        Bucket bucket = buckets.computeIfAbsent(userId, id -> new Bucket(burst, System.nanoTime()));
        if (!bucket.take(perSecond, burst, System.nanoTime())) {
            throw new DxException(ErrorType.RateLimitConditional,
                    "Too many requests from " + userId + "; retry after the time Retry-After names");
        }
    }

    private static final class Bucket {
        private double tokens;
        private long refilledAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.refilledAt = now;
        }

        synchronized boolean take(double perSecond, double burst, long now) {
            tokens = Math.min(burst, tokens + (now - refilledAt) / 1e9 * perSecond);
            refilledAt = now;
            if (tokens < 1) {
                return false;
            }
            tokens -= 1;
            return true;
        }
    }
}
