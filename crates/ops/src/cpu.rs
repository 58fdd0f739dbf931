//! CPU-heavy work of a request — screening a post (render + detector), hashing or
//! checking a password — runs here: on tokio's blocking threads, never on the async
//! runtime, so `/healthz` and every page keep answering while it runs. At most one
//! job per core but one runs at a time, and at most [`QUEUE`] wait: a request beyond that is
//! refused at once with [`AppError::Busy`] (503, the form comes back with what was
//! typed) instead of piling up work nobody will wait for.

use std::sync::OnceLock;

use tokio::sync::Semaphore;

use crate::error::AppError;

/// Jobs admitted at once (running and waiting).
pub const QUEUE: usize = 64;

struct Pool {
    /// One permit per core: the jobs that run now.
    running: Semaphore,
    /// Every admitted job holds one of these until it is done.
    admitted: Semaphore,
}

/// Jobs that run at once: one per core but one, which stays with the event loop
/// (pages, `/healthz`) however much screening waits; at least one.
fn workers() -> usize {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    cores.saturating_sub(1).max(1)
}

fn pool() -> &'static Pool {
    static POOL: OnceLock<Pool> = OnceLock::new();
    POOL.get_or_init(|| Pool {
        running: Semaphore::new(workers()),
        admitted: Semaphore::new(QUEUE.max(workers())),
    })
}

/// Runs `job` on a blocking thread once a core is free; `Busy` when [`QUEUE`] jobs
/// are already admitted.
pub async fn run<T, F>(job: F) -> Result<T, AppError>
where
    T: Send + 'static,
    F: FnOnce() -> T + Send + 'static,
{
    let pool = pool();
    let _admitted = pool.admitted.try_acquire().map_err(|_| AppError::Busy)?;
    let _running = pool
        .running
        .acquire()
        .await
        .map_err(|e| AppError::Internal(e.to_string()))?;
    tokio::task::spawn_blocking(job)
        .await
        .map_err(|e| AppError::Internal(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn jobs_run_on_another_thread_and_return_their_value() {
        let here = std::thread::current().id();
        let (value, there) = run(move || (6 * 7, std::thread::current().id()))
            .await
            .unwrap();
        assert_eq!(value, 42);
        assert_ne!(here, there, "the job ran off the runtime's thread");
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_full_queue_refuses_at_once_and_admits_again_when_drained() {
        use std::sync::{Arc, Condvar, Mutex};
        // Jobs that wait until the gate opens keep every admission taken.
        let gate = Arc::new((Mutex::new(false), Condvar::new()));
        let mut jobs = Vec::new();
        for _ in 0..QUEUE.max(workers()) {
            let gate = gate.clone();
            jobs.push(tokio::spawn(run(move || {
                let (open, turn) = &*gate;
                let mut open = open.lock().unwrap();
                while !*open {
                    open = turn.wait(open).unwrap();
                }
            })));
        }
        while pool().admitted.available_permits() > 0 {
            tokio::task::yield_now().await;
        }
        assert!(matches!(run(|| ()).await, Err(AppError::Busy)));
        {
            let (open, turn) = &*gate;
            *open.lock().unwrap() = true;
            turn.notify_all();
        }
        for j in jobs {
            j.await.unwrap().unwrap();
        }
        assert!(run(|| ()).await.is_ok(), "admitted again once drained");
    }
}
