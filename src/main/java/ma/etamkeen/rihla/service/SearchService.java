package ma.etamkeen.rihla.service;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import ma.etamkeen.rihla.i18n.Language;
import ma.etamkeen.rihla.model.EntryKind;
import ma.etamkeen.rihla.model.SearchDocument;
import ma.etamkeen.rihla.model.SearchKind;
import ma.etamkeen.rihla.model.Site;
import ma.etamkeen.rihla.store.Database;
import ma.etamkeen.rihla.store.SearchIndex;
import ma.etamkeen.rihla.store.SearchIndex.SearchDocumentRef;
import ma.etamkeen.rihla.text.Graphemes;
import ma.etamkeen.rihla.text.Tokens;

/**
 * Search over everything the user can read, in Arabic, French and English as people type them. The index
 * opens (and, when it does not match the store, rebuilds) on its own thread when it is first needed or
 * {@linkplain #start() started}, and follows every change the services report; searches wait for it to be ready.
 */
public final class SearchService implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(SearchService.class.getName());
    /** The order results are grouped in. */
    public static final List<SearchKind> GROUP_ORDER = List.of(SearchKind.SITE, SearchKind.LESSON, SearchKind.IDEA,
            SearchKind.NOTE, SearchKind.ATTACHMENT);

    /** A part of a text, with the places of the matched words (start inclusive, end exclusive). */
    public record Highlighted(String text, List<int[]> matches) {
    }

    /** One result: what and where it is (its site's name in the language asked), its title and an excerpt, matched words marked. */
    public record Hit(SearchKind kind, UUID id, UUID siteId, String siteSlug, String siteName, Highlighted title,
                      Highlighted snippet, float score) {
    }

    /** How many results a search gives at most: more would not be read, and one more word narrows it. */
    public static final int LIMIT = 100;

    /**
     * The results of a search, best first within each kind, kinds in {@link #GROUP_ORDER}; {@code total}
     * counts every match, also those beyond the limit.
     */
    public record Results(String query, Map<SearchKind, List<Hit>> groups, int total) {
        /** How many hits are here (at most the limit). */
        public int shown() {
            return groups.values().stream().mapToInt(List::size).sum();
        }

        public List<Hit> all() {
            List<Hit> hits = new ArrayList<>();
            GROUP_ORDER.forEach(kind -> hits.addAll(groups.getOrDefault(kind, List.of())));
            return hits;
        }
    }

    private final Catalog catalog;
    private final ExecutorService indexThread = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "rihla-search-index");
        thread.setDaemon(true);
        return thread;
    });
    private final Database database;
    /** The index once opening it began (the first task of the index thread); null before. Guarded by this. */
    private CompletableFuture<SearchIndex> index;
    /** Set by {@link #close}: a rebuild under way stops. */
    private volatile boolean closing;

    SearchService(Database database, Catalog catalog) {
        this.database = database;
        this.catalog = catalog;
    }

    /**
     * Begins opening the index on its own thread, and rebuilding it when it does not match the store; returns
     * at once. The desktop app calls it once its window is shown, so that opening Lucene takes no CPU from the
     * window's start on a two-core laptop; a command that never searches never opens it. Any use of the index
     * starts it too.
     */
    public void start() {
        index();
    }

    /**
     * The index, opening on the index thread if it is not yet. Take it before queuing work behind it on that
     * thread: the open is then queued first, and the work never waits for a task queued after itself.
     */
    private synchronized CompletableFuture<SearchIndex> index() {
        if (index == null) {
            index = CompletableFuture.supplyAsync(() -> {
                SearchIndex opened = SearchIndex.open(database);
                if (!opened.isCurrent()) {
                    long start = System.nanoTime();
                    try {
                        int documents = opened.rebuild(() -> closing);
                        LOG.fine(() -> "Search index rebuilt: " + documents + " documents in "
                                + (System.nanoTime() - start) / 1_000_000 + " ms");
                    } catch (RuntimeException e) {
                        opened.close();  // at its last commit; nothing else will close it
                        throw e;
                    }
                }
                return opened;
            }, indexThread);
        }
        return index;
    }

    /** The sites or entries that changed; the index catches up on its own thread. */
    public void changed(SearchKind kind, UUID... ids) {
        List<SearchDocumentRef> refs = new ArrayList<>();
        for (UUID id : ids) {
            refs.add(new SearchDocumentRef(kind, id));
        }
        changed(refs);
    }

    /** An entry that went into or came out of the trash: its attachments went with it. */
    public void changedWithAttachments(EntryKind kind, UUID id) {
        onIndexThread(open -> {
            List<SearchDocumentRef> refs = new ArrayList<>();
            refs.add(new SearchDocumentRef(SearchKind.of(kind), id));
            if (kind != EntryKind.ATTACHMENT) {
                open.attachmentsOf(kind.code(), id).forEach(a -> refs.add(new SearchDocumentRef(SearchKind.ATTACHMENT, a)));
            }
            open.update(refs);
        });
    }

    private void changed(Collection<SearchDocumentRef> refs) {
        onIndexThread(open -> open.update(refs));
    }

    /**
     * Queues index work behind everything reported before (one thread, in order). After close, changes
     * are not followed: the next start sees the index behind the store and rebuilds it.
     */
    private void onIndexThread(java.util.function.Consumer<SearchIndex> work) {
        try {
            CompletableFuture<SearchIndex> opened = index();
            indexThread.execute(() -> {
                try {
                    work.accept(opened.join());
                } catch (RuntimeException e) {
                    logged(e);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            LOG.fine("Change after close: the index is rebuilt at the next start");
        }
    }

    /**
     * Rebuilds the whole index from the store (after an import) and waits for it. The store is already
     * committed: a failure is logged, never thrown, and the index, which then does not match the store, is
     * rebuilt at the next start.
     */
    public void rebuild() {
        try {
            CompletableFuture<SearchIndex> opened = index();
            CompletableFuture.runAsync(() -> opened.join().rebuild(() -> closing), indexThread).join();
        } catch (RuntimeException e) {
            logged(e);
        }
    }

    /** Waits until the index is open and up to date with every change reported so far. */
    public void awaitReady() {
        CompletableFuture<SearchIndex> opened = index();
        CompletableFuture.runAsync(() -> { }, indexThread).join();
        opened.join();
    }

    /**
     * Searches {@code text}: every word must match (any order), the last one as the beginning of a word, in
     * any language, ignoring case, accents, Arabic vowels and letter variants.
     *
     * @param themes only what has one of these themes (empty: everything)
     * @param kinds  only these kinds (empty: all)
     */
    public Results search(String text, Set<String> themes, Set<SearchKind> kinds, Language language, int limit) {
        return search(text, themes, kinds, null, language, limit);
    }

    /** As {@link #search(String, Set, Set, Language, int)}, within one visit ({@code visit} null: every visit). */
    public Results search(String text, Set<String> themes, Set<SearchKind> kinds, UUID visit, Language language,
                          int limit) {
        List<Tokens.Word> words = Tokens.words(text);
        if (words.isEmpty()) {
            return new Results(text, Map.of(), 0);
        }
        List<Set<String>> terms = words.stream().map(Tokens.Word::forms).toList();
        Set<String> visitSites = visit == null ? null : catalog.sites(visit).stream().map(site -> site.id().toString())
                .collect(java.util.stream.Collectors.toSet());
        SearchIndex.Query query = new SearchIndex.Query(terms, true, kinds, themes, visitSites);
        SearchIndex.Found found = index().join().search(query, limit);
        Map<UUID, Site> sites = new java.util.HashMap<>();
        for (Site site : catalog.sites()) {
            sites.put(site.id(), site);
        }
        Map<SearchKind, List<Hit>> groups = new EnumMap<>(SearchKind.class);
        for (SearchIndex.Match match : found.best()) {
            SearchDocument document = match.document();
            groups.computeIfAbsent(document.kind(), kind -> new ArrayList<>())
                    .add(hit(document, match.score(), terms, sites.get(document.siteId()), language));
        }
        return new Results(text, groups, found.total());
    }

    private static Hit hit(SearchDocument document, float score, List<Set<String>> terms, Site site, Language language) {
        String title = switch (document.kind()) {
            case SITE -> site == null ? document.title() : site.name().in(language);
            case NOTE -> Snippets.firstLine(document.text());
            default -> Graphemes.withoutSoftHyphens(document.title());
        };
        Highlighted snippet = Snippets.excerpt(document.text(), terms);
        if (document.kind() == SearchKind.SITE && site != null) {
            // The summary in the user's language, unless the words are only found in another one.
            String summary = site.summary().in(language);
            if (Snippets.matches(summary, terms) || !Snippets.matches(document.text(), terms)) {
                snippet = Snippets.excerpt(summary, terms);
            }
        }
        String siteName = site == null ? document.siteSlug() : site.name().in(language);
        return new Hit(document.kind(), document.id(), document.siteId(), document.siteSlug(), siteName,
                Snippets.highlight(title, terms), snippet, score);
    }

    private void logged(Throwable failure) {
        LOG.log(Level.WARNING, "The search index could not follow a change; it is rebuilt at the next start", failure);
    }

    /**
     * Stops following changes. A rebuild under way stops at its next document, uncommitted (the index stays at
     * its last commit, and the next start rebuilds it): quitting during the rebuild of a large store takes a
     * moment, not the rest of the rebuild. The index is closed on its own thread once the work queued before is
     * done, so never under a commit in progress; this waits for that at most 60 s (a store that stopped answering,
     * a laptop slowed to a crawl), then returns. The work goes on while the process runs; a process that exits
     * first leaves the index at its last commit, and the next start rebuilds it if it is behind the store.
     */
    @Override
    public void close() {
        closing = true;
        CompletableFuture<SearchIndex> opened;
        synchronized (this) {
            opened = index;
        }
        if (opened != null) {
            try {
                indexThread.execute(() -> {
                    try {
                        if (!opened.isCompletedExceptionally()) {
                            opened.join().close();
                        }
                    } catch (RuntimeException e) {
                        LOG.log(Level.WARNING, "Closing the search index", e);
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException closedBefore) {
                // closed twice: the first close queued it
            }
        }
        indexThread.shutdown();
        try {
            if (!indexThread.awaitTermination(60, TimeUnit.SECONDS)) {
                LOG.warning("The search index is still busy after 60 s: it is left to finish, or to be rebuilt at"
                        + " the next start if the program ends first");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
