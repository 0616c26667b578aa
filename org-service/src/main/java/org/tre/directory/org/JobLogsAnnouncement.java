package org.tre.directory.org;

/**
 * Tells an org's Splunk HEC endpoint who enables job logs forwarding (org-api.txt /org-xxxx/update),
 * before the org records it. A failed announcement is the spec's InvalidInput, so an org never
 * forwards logs to an endpoint that does not take them.
 */
public interface JobLogsAnnouncement {

    void announce(String url, String splunkToken, String adminId, String orgId, String tokenSignature);
}
