package org.tre.api.config;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerClient.ScheduleOptions;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.tre.directory.audit.AuditContext;
import org.tre.query.tre.TreProjection;
import org.tre.tre.access.ReconciliationsDue;
import org.tre.tre.access.ReconciliationsDue.Attempt;
import org.tre.tre.access.TreAccessReconciler;

import java.time.Duration;
import java.time.Instant;

/**
 * Reconciles every TRE's grants now and then, on a db-scheduler task that one instance at a time runs:
 * a grant that failed after its retries, or a grant someone changed by hand, comes back without
 * waiting for the TRE's next change. Reconciling is idempotent, so a sweep that finds nothing to do
 * changes nothing. The reconciler's next attempts wait here too, as one-time tasks: a restart, or an
 * instance that takes over the claims, still makes them.
 */
@Configuration
public class GrantSweep {

    public static final String NEXT_ATTEMPT = "tre-grants-next-attempt";
    private static final Logger LOG = LoggerFactory.getLogger(GrantSweep.class);

    @Bean
    public RecurringTask<Void> treGrantSweep(TreAccessReconciler reconciler, TreProjection tres,
                                             @Value("${tre.side-effects.grant-sweep-every:PT10M}") Duration every) {
        return Tasks.recurring("tre-grant-sweep", FixedDelay.of(every))
                .execute((instance, context) -> AuditContext.runAs("system", "grant-sweep", () -> {
                    tres.all().forEach(reconciler::sweep);
                    return null;
                }));
    }

    @Bean
    public OneTimeTask<Attempt> treGrantsNextAttempt(@Lazy TreAccessReconciler reconciler) {
        return Tasks.oneTime(NEXT_ATTEMPT, Attempt.class)
                .execute((instance, context) -> reconciler.reconcile(instance.getData()));
    }

    @Bean
    public ReconciliationsDue reconciliationsDue(@Lazy SchedulerClient scheduler, OneTimeTask<Attempt> nextAttempt) {
        return new ReconciliationsDue() {
            @Override
            public void schedule(Attempt attempt, Duration delay) {
                scheduler.schedule(nextAttempt.instance(attempt.id(), attempt), Instant.now().plus(delay),
                        ScheduleOptions.WHEN_EXISTS_RESCHEDULE);
            }

            /** An attempt that is running already, or ran, has nothing left to cancel: it reconciles again. */
            @Override
            public void cancel(Attempt attempt) {
                try {
                    scheduler.cancel(TaskInstanceId.of(NEXT_ATTEMPT, attempt.id()));
                } catch (RuntimeException gone) {
                    LOG.debug("Attempt {} of TRE {} is not waiting: {}", attempt.id(), attempt.treId(), gone.toString());
                }
            }
        };
    }
}
