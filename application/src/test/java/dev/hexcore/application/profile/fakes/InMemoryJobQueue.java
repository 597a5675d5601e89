package dev.hexcore.application.profile.fakes;

import dev.hexcore.application.identity.fakes.FakeUnitOfWork;
import dev.hexcore.domain.port.JobQueue;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** {@link JobQueue} on a map with the adapter's claim, lease and claim-token rules. */
public final class InMemoryJobQueue implements JobQueue, FakeUnitOfWork.Participant {
    public enum Status { PENDING, RUNNING, SUCCEEDED, FAILED }

    public record Job(UUID id, String type, UUID subjectId, Status status, Instant runAt, int attempts, int maxAttempts,
                      UUID claimToken, Instant leaseUntil, String lastError) {
        Job with(Status s, Instant run, int att, UUID token, Instant lease, String error) {
            return new Job(id, type, subjectId, s, run, att, maxAttempts, token, lease, error);
        }
    }

    private final Map<UUID, Job> jobs = new LinkedHashMap<>();
    private final FakeUnitOfWork uow;

    public InMemoryJobQueue(FakeUnitOfWork uow) {
        this.uow = uow;
        uow.enlist(this);
    }

    @Override
    public Runnable snapshot() {
        Map<UUID, Job> copy = new LinkedHashMap<>(jobs);
        return () -> {
            jobs.clear();
            jobs.putAll(copy);
        };
    }

    @Override
    public UUID enqueue(NewJob job) {
        uow.requireActive();
        UUID id = UUID.randomUUID();
        jobs.put(id, new Job(id, job.type(), job.subjectId(), Status.PENDING, job.runAt(), 0, job.maxAttempts(), null, null, null));
        return id;
    }

    @Override
    public Optional<ClaimedJob> claim(Set<String> types, Duration lease, Instant now) {
        return jobs.values().stream().filter(j -> types.contains(j.type()))
                .filter(j -> (j.status() == Status.PENDING && !j.runAt().isAfter(now))
                        || (j.status() == Status.RUNNING && !j.leaseUntil().isAfter(now)))
                .min(Comparator.comparing(Job::runAt))
                .map(j -> {
                    Job claimed = j.with(Status.RUNNING, j.runAt(), j.attempts() + 1, UUID.randomUUID(), now.plus(lease), j.lastError());
                    jobs.put(j.id(), claimed);
                    return new ClaimedJob(j.id(), j.type(), j.subjectId(), claimed.attempts(), j.maxAttempts(),
                            claimed.claimToken(), claimed.leaseUntil());
                });
    }

    @Override
    public boolean renewLease(ClaimedJob job, Duration lease, Instant now) {
        return update(job, j -> j.with(j.status(), j.runAt(), j.attempts(), j.claimToken(), now.plus(lease), j.lastError()));
    }

    @Override
    public boolean complete(ClaimedJob job, Instant now) {
        return update(job, j -> j.with(Status.SUCCEEDED, j.runAt(), j.attempts(), null, null, j.lastError()));
    }

    @Override
    public boolean retryAt(ClaimedJob job, Instant runAt, String error, Instant now) {
        return update(job, j -> j.with(Status.PENDING, runAt, j.attempts(), null, null, error));
    }

    @Override
    public boolean fail(ClaimedJob job, String error, Instant now) {
        return update(job, j -> j.with(Status.FAILED, j.runAt(), j.attempts(), null, null, error));
    }

    private boolean update(ClaimedJob claim, java.util.function.UnaryOperator<Job> change) {
        Job current = jobs.get(claim.id());
        if (current == null || !claim.claimToken().equals(current.claimToken())) return false;
        jobs.put(claim.id(), change.apply(current));
        return true;
    }

    public Optional<Job> job(UUID id) {
        return Optional.ofNullable(jobs.get(id));
    }

    public Optional<Job> forSubject(UUID subjectId) {
        return jobs.values().stream().filter(j -> j.subjectId().equals(subjectId)).findFirst();
    }

    public int size() {
        return jobs.size();
    }
}
