package org.tre.api.config;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tre.directory.audit.AuditContext;
import org.tre.query.tre.TreProjection;
import org.tre.tre.access.TreAccessReconciler;

import java.time.Duration;

/**
 * Reconciles every TRE's grants now and then, on a db-scheduler task that one instance at a time runs:
 * a grant that failed after its retries, or a grant someone changed by hand, comes back without
 * waiting for the TRE's next change. Reconciling is idempotent, so a sweep that finds nothing to do
 * changes nothing.
 */
@Configuration
public class GrantSweep {

    @Bean
    public RecurringTask<Void> treGrantSweep(TreAccessReconciler reconciler, TreProjection tres,
                                             @Value("${tre.side-effects.grant-sweep-every:PT10M}") Duration every) {
        return Tasks.recurring("tre-grant-sweep", FixedDelay.of(every))
                .execute((instance, context) -> AuditContext.runAs("system", "grant-sweep", () -> {
                    tres.all().forEach(reconciler::reconcile);
                    return null;
                }));
    }
}
