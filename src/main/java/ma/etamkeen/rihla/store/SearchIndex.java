package ma.etamkeen.rihla.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexWriterConfig.OpenMode;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.NIOFSDirectory;

import ma.etamkeen.rihla.model.SearchDocument;
import ma.etamkeen.rihla.model.SearchKind;
import ma.etamkeen.rihla.text.Tokens;

/**
 * The search index: a Lucene index in {@code <data folder>/index}, derived from the store and rebuilt
 * from it whenever it is not known to match (see {@link ContentRevision}). Words go in already folded and
 * stemmed by {@link Tokens}, so indexing, searching and highlighting split text the same way; Lucene only
 * keeps the terms, ranks (BM25, titles weigh three times more) and finds prefixes fast.
 */
public final class SearchIndex implements AutoCloseable {
    public static final String FOLDER = "index";
    private static final Logger LOG = Logger.getLogger(SearchIndex.class.getName());
    private static final String ID = "id";
    private static final String KIND = "kind";
    private static final String SITE = "site";
    private static final String SLUG = "slug";
    private static final String THEME = "theme";
    private static final String TITLE_TERMS = "t";
    private static final String TEXT_TERMS = "x";
    private static final String TITLE = "title";
    private static final String TEXT = "text";
    private static final float TITLE_BOOST = 3f;
    /**
     * The indexing rules (what is indexed, how words are split and folded): a change means a rebuild. 2: format
     * characters, apostrophes and Persian/Urdu letters folded, forms capped at {@link Tokens#MAX_TERM}. 3: ids
     * kept sortable, so equal scores come in the same order whatever order a rebuild indexed them in. 4: words
     * indexed without frequencies and positions ({@link #WORDS}).
     */
    private static final String FORMAT = "4";
    /**
     * How the words of a title or a text are indexed: which documents hold them, and the field's length, which
     * BM25 scores by. Not their frequencies: {@link Tokens#terms} gives each word once per document, so each would
     * be 1. Not their positions, which only phrase and span queries read (Rihla asks for words and word
     * beginnings).
     */
    private static final FieldType WORDS = words();
    /** Best first; equal scores by id, so the same search lists the same hits in the same order every time. */
    private static final Sort BEST_FIRST = new Sort(SortField.FIELD_SCORE, new SortField(ID, SortField.Type.STRING));

    /** A hit: the stored document and its score. */
    public record Match(SearchDocument document, float score) {
    }

    /** The best matches, and how many documents match in all. */
    public record Found(List<Match> best, int total) {
    }

    /**
     * What to look for: every word must match (in a title or the text) under one of its forms, the last one
     * as a prefix when {@code lastIsPrefix}; optionally only some kinds, only what has one of some themes, or
     * only what belongs to some sites (ids: the sites of a visit).
     */
    public record Query(List<Set<String>> words, boolean lastIsPrefix, Set<SearchKind> kinds, Set<String> themes,
                        Set<String> sites) {
    }

    private final Database database;
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final SearchSource source = new SearchSource();
    /**
     * Whether the writer holds part of the store only: from the start of a rebuild until its commit, and for
     * good after a rebuild that stopped or failed.
     */
    private volatile boolean partial;

    private SearchIndex(Database database, Directory directory, IndexWriter writer) throws IOException {
        this.database = database;
        this.directory = directory;
        this.writer = writer;
        this.searchers = new SearcherManager(writer, null);
    }

    /**
     * Opens the index of the database's data folder, or makes a new one: the index is only a cache of the
     * store, so one that cannot be read (damaged files, {@code index} being a file, a foreign index) is
     * removed and made again, and when even that fails (a read-only or full disk) the index lives in memory
     * for this session. Call {@link #isCurrent()} before trusting it.
     */
    public static SearchIndex open(Database database) {
        Path folder = database.folder().resolve(FOLDER);
        try {
            return open(database, FSDirectory.open(prepareFolder(folder)));
        } catch (IOException | RuntimeException damaged) {
            LOG.log(Level.WARNING, "Making the search index in " + folder + " again", damaged);
            AtomicFiles.deleteQuietly(folder);
            try {
                Directory directory = FSDirectory.open(Files.createDirectories(folder));
                return new SearchIndex(database, directory, new IndexWriter(directory, config(OpenMode.CREATE)));
            } catch (IOException | RuntimeException unwritable) {
                LOG.log(Level.WARNING, "The search index stays in memory for this session", unwritable);
                try {
                    Directory memory = new ByteBuffersDirectory();
                    return new SearchIndex(database, memory, new IndexWriter(memory, config(OpenMode.CREATE)));
                } catch (IOException impossible) {
                    throw new UncheckedIOException(impossible);
                }
            }
        }
    }

    private static SearchIndex open(Database database, Directory directory) throws IOException {
        IndexWriter writer = null;
        try {
            writer = new IndexWriter(directory, config(OpenMode.CREATE_OR_APPEND));
            SearchIndex index = new SearchIndex(database, directory, writer);
            index.checkIntegrity();
            return index;
        } catch (IOException | RuntimeException e) {
            if (writer != null) {
                writer.rollback();
            }
            directory.close();
            throw e;
        }
    }

    private static Path prepareFolder(Path folder) throws IOException {
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            Files.delete(folder);  // something else took the index's name: it is only a cache
        }
        return Files.createDirectories(folder);
    }

    /**
     * 64 MB of documents are buffered before Lucene writes a segment (16 MB by default): fewer, larger merges.
     * Nothing is committed on close (Lucene commits what is pending by default): the index is only ever committed
     * with the store's stamp it matches, and what is pending at close is half a rebuild or nothing.
     */
    private static IndexWriterConfig config(OpenMode mode) {
        return new IndexWriterConfig(new StandardAnalyzer()).setOpenMode(mode).setRAMBufferSizeMB(64)
                .setCommitOnClose(false);
    }

    /**
     * The store (id and revision) the index of {@code dataFolder} last recorded matching, read without opening
     * it for writing; empty when there is no readable index. Read through plain file reads (NIOFSDirectory):
     * the one small commit file needs no memory mapping, whose set-up (Lucene's MemorySegment provider and its
     * native calls) the store check at start would otherwise pay.
     */
    public static Optional<ContentRevision.Stamp> recordedStamp(Path dataFolder) {
        Path folder = dataFolder.resolve(FOLDER);
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        try (Directory directory = new NIOFSDirectory(folder)) {
            Map<String, String> data = SegmentInfos.readLatestCommit(directory).getUserData();
            String revision = data.get("revision");
            return revision == null ? Optional.empty()
                    : Optional.of(new ContentRevision.Stamp(data.get("database"), Long.parseLong(revision)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Names the last commit of the index of {@code dataFolder} without opening it: the name of its commit file
     * ({@code segments_N}, which Lucene writes once and never changes), its size in bytes and its CRC-32C, as
     * {@code "segments_5 412 9f3a0c1e"}; empty when there is no index or no commit. It takes a folder listing and
     * one small file read, where {@link #recordedStamp} starts Lucene's codecs (about 120 ms of CPU, the first
     * time in a process).
     */
    static Optional<String> lastCommit(Path dataFolder) {
        Path folder = dataFolder.resolve(FOLDER);
        try (Stream<Path> files = Files.list(folder)) {
            String name = SegmentInfos.getLastCommitSegmentsFileName(
                    files.map(file -> file.getFileName().toString()).toArray(String[]::new));
            if (name == null) {
                return Optional.empty();
            }
            byte[] bytes = Files.readAllBytes(folder.resolve(name));
            CRC32C crc = new CRC32C();
            crc.update(bytes);
            return Optional.of(name + " " + bytes.length + " " + Long.toHexString(crc.getValue()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();  // no index (or no readable one) to name
        }
    }

    /**
     * Whether the index was last brought up to date with this very store (its id) at its current revision,
     * by this version of the indexing rules. When it was, the folder's marker learns which commit that is (an
     * index last committed by an older Rihla, or before a kill), as after every commit.
     */
    public boolean isCurrent() {
        Map<String, String> recorded = committedData();
        ContentRevision.Stamp expected = stamp();
        boolean current = String.valueOf(expected.revision()).equals(recorded.get("revision"))
                && String.valueOf(expected.database()).equals(recorded.get("database"))
                && FORMAT.equals(recorded.get("format"));
        if (current) {
            recordInMarker(expected);
        }
        return current;
    }

    private Map<String, String> committedData() {
        Iterable<Map.Entry<String, String>> data = writer.getLiveCommitData();
        Map<String, String> map = new java.util.HashMap<>();
        if (data != null) {
            data.forEach(entry -> map.put(entry.getKey(), entry.getValue()));
        }
        return map;
    }

    /**
     * Rebuilds the whole index from the store; returns how many documents it holds. Searches meanwhile answer
     * from the last committed index (the searchers are refreshed only at the commit), never from a half-built
     * one. The documents are read on this thread and split into words and indexed on {@link #INDEXING_THREADS}
     * others (Lucene's {@link IndexWriter} takes documents from several threads at once).
     *
     * @param stop asked before each document is read: when it says yes, the rebuild ends there, uncommitted
     * @throws CancellationException when {@code stop} ended it. Then, as after any failure, the index keeps its
     *                               last commit, {@link #update} commits nothing more (it would record half a
     *                               rebuild as the whole store) and closing discards the half: the next rebuild
     *                               (at the next start, the index being behind the store) makes it whole again
     */
    public int rebuild(BooleanSupplier stop) {
        ExecutorService indexing = Executors.newFixedThreadPool(INDEXING_THREADS, task -> {
            Thread thread = new Thread(task, "rihla-index-rebuild");
            thread.setDaemon(true);
            return thread;
        });
        Semaphore inFlight = new Semaphore(BATCHES_IN_FLIGHT);
        AtomicReference<RuntimeException> failed = new AtomicReference<>();
        try {
            ContentRevision.Stamp stamp = stamp();
            writer.deleteAll();
            partial = true;
            // Documents go to the indexing threads in batches, the reader a few batches ahead at most.
            class Batches implements java.util.function.Consumer<SearchDocument> {
                private List<SearchDocument> batch = new ArrayList<>(BATCH);
                private int count;

                @Override
                public void accept(SearchDocument document) {
                    if (stop.getAsBoolean()) {
                        throw new CancellationException("Search index rebuild stopped after " + count + " documents");
                    }
                    batch.add(document);
                    count++;
                    if (batch.size() == BATCH) {
                        handOver();
                    }
                }

                void handOver() {
                    List<SearchDocument> documents = batch;
                    batch = new ArrayList<>(BATCH);
                    inFlight.acquireUninterruptibly();
                    indexing.execute(() -> {
                        try {
                            documents.forEach(SearchIndex.this::add);
                        } catch (RuntimeException e) {
                            failed.compareAndSet(null, e);
                        } finally {
                            inFlight.release();
                        }
                    });
                }
            }
            Batches batches = new Batches();
            try {
                database.read(tx -> {
                    source.all(tx, batches);
                    return null;
                });
                batches.handOver();  // the last, partial batch
            } finally {
                inFlight.acquireUninterruptibly(BATCHES_IN_FLIGHT);  // every document handed over is added
            }
            if (failed.get() != null) {
                throw failed.get();  // not committed: searches keep the last good index
            }
            commit(stamp);
            partial = false;
            return batches.count;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            indexing.shutdownNow();
        }
    }

    /** Threads that split and index documents during a rebuild: one per core, at most 4 (the reader mostly waits). */
    private static final int INDEXING_THREADS = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    /**
     * Documents handed to an indexing thread at once: one hand-over (a queue, a semaphore, a thread woken) per
     * document took about a tenth of the indexing threads' CPU.
     */
    private static final int BATCH = 64;
    private static final int BATCHES_IN_FLIGHT = 16;

    /** Brings the given sites and entries up to date with the store (added, changed or gone). */
    public void update(Collection<SearchDocumentRef> changed) {
        if (partial) {
            return;  // a rebuild ended half-way: see rebuild
        }
        try {
            ContentRevision.Stamp stamp = stamp();  // read before the documents: a later change can only make it look older
            for (SearchDocumentRef ref : changed) {
                writer.deleteDocuments(new Term(ID, ref.id().toString()));
                Optional<SearchDocument> document = database.read(tx -> source.one(tx, ref.kind(), ref.id()));
                if (document.isPresent()) {
                    add(document.get());
                }
            }
            commit(stamp);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The ids of the attachments of an entry, which follow it in and out of the trash. */
    public List<UUID> attachmentsOf(String ownerKind, UUID ownerId) {
        return database.read(tx -> source.attachmentsOf(tx, ownerKind, ownerId));
    }

    /** A site or an entry, named for an index update. */
    public record SearchDocumentRef(SearchKind kind, UUID id) {
    }

    /** The store's revision and id now, as recorded with the next commit. */
    private ContentRevision.Stamp stamp() {
        return database.read(ContentRevision::stamp);
    }

    private void commit(ContentRevision.Stamp stamp) throws IOException {
        writer.setLiveCommitData(Map.of("revision", String.valueOf(stamp.revision()),
                "database", String.valueOf(stamp.database()), "format", FORMAT).entrySet());
        writer.commit();
        recordInMarker(stamp);
        searchers.maybeRefresh();
    }

    /**
     * Tells the folder's marker that the index's last commit holds {@code stamp}, so that the store check at the
     * next start need not read the index. Called after the commit: a kill in between leaves the marker naming
     * an older commit, and the next start then reads the index itself.
     */
    private void recordInMarker(ContentRevision.Stamp stamp) {
        if (directory instanceof FSDirectory) {
            lastCommit(database.folder()).ifPresent(commit ->
                    StoreMarker.recordIndexCommit(database.folder(), stamp, commit));
        }
    }

    private void add(SearchDocument document) {
        Document doc = new Document();
        doc.add(new StringField(ID, document.id().toString(), Field.Store.YES));
        doc.add(new SortedDocValuesField(ID, new BytesRef(document.id().toString())));
        doc.add(new StringField(KIND, document.kind().code(), Field.Store.YES));
        doc.add(new StringField(SITE, document.siteId().toString(), Field.Store.YES));
        doc.add(new StoredField(SLUG, document.siteSlug()));
        for (String theme : document.themes()) {
            doc.add(new StringField(THEME, theme, Field.Store.YES));
        }
        doc.add(new Field(TITLE_TERMS, new Terms(Tokens.terms(document.title())), WORDS));
        doc.add(new Field(TEXT_TERMS, new Terms(Tokens.terms(document.text())), WORDS));
        doc.add(new StoredField(TITLE, document.title()));
        doc.add(new StoredField(TEXT, document.text()));
        try {
            writer.addDocument(doc);
        } catch (IllegalArgumentException refused) {
            // Lucene refuses this one document (and only it): the others stay searchable.
            LOG.log(Level.WARNING, "Not indexed: " + document.kind() + " " + document.id(), refused);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FieldType words() {
        FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
        type.setIndexOptions(IndexOptions.DOCS);
        type.freeze();
        return type;
    }

    /** The best {@code limit} matches, best first, and the number of all matches. */
    public Found search(Query query, int limit) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                org.apache.lucene.search.Query lucene = luceneQuery(query);
                TopDocs top = searcher.search(lucene, limit, BEST_FIRST, true);
                List<Match> matches = new ArrayList<>();
                for (ScoreDoc hit : top.scoreDocs) {
                    matches.add(new Match(toDocument(searcher.storedFields().document(hit.doc)), hit.score));
                }
                int total = top.totalHits.relation == TotalHits.Relation.EQUAL_TO
                        ? (int) top.totalHits.value : searcher.count(lucene);
                return new Found(matches, total);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Opens a reader on every segment and checks each of its files against the CRC32 checksum Lucene wrote in
     * its footer ({@code LeafReader.checkIntegrity}): a flipped byte is found now, not as a wrong result later.
     *
     * @throws IOException ({@code CorruptIndexException}) for a damaged file
     */
    private void checkIntegrity() throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                leaf.reader().checkIntegrity();
            }
        } finally {
            searchers.release(searcher);
        }
    }

    /** How many documents the index holds. */
    public int size() {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return searcher.getIndexReader().numDocs();
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static org.apache.lucene.search.Query luceneQuery(Query query) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        List<Set<String>> words = query.words();
        for (int i = 0; i < words.size(); i++) {
            boolean prefix = query.lastIsPrefix() && i == words.size() - 1;
            BooleanQuery.Builder word = new BooleanQuery.Builder();
            for (String form : words.get(i)) {
                word.add(new BoostQuery(term(TITLE_TERMS, form, prefix), TITLE_BOOST), BooleanClause.Occur.SHOULD);
                word.add(term(TEXT_TERMS, form, prefix), BooleanClause.Occur.SHOULD);
            }
            all.add(word.build(), BooleanClause.Occur.MUST);
        }
        if (words.isEmpty()) {
            all.add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST);
        }
        if (!query.kinds().isEmpty()) {
            all.add(anyOf(KIND, query.kinds().stream().map(SearchKind::code).toList()), BooleanClause.Occur.FILTER);
        }
        if (!query.themes().isEmpty()) {
            all.add(anyOf(THEME, List.copyOf(query.themes())), BooleanClause.Occur.FILTER);
        }
        if (query.sites() != null) {
            all.add(anyOf(SITE, List.copyOf(query.sites())), BooleanClause.Occur.FILTER);
        }
        return all.build();
    }

    private static org.apache.lucene.search.Query term(String field, String text, boolean prefix) {
        Term term = new Term(field, text);
        return prefix ? new PrefixQuery(term) : new TermQuery(term);
    }

    private static org.apache.lucene.search.Query anyOf(String field, List<String> values) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        values.forEach(value -> any.add(new TermQuery(new Term(field, value)), BooleanClause.Occur.SHOULD));
        return any.build();
    }

    private static SearchDocument toDocument(Document doc) {
        return new SearchDocument(SearchKind.valueOf(doc.get(KIND).toUpperCase(java.util.Locale.ROOT)),
                UUID.fromString(doc.get(ID)), UUID.fromString(doc.get(SITE)), doc.get(SLUG),
                Set.of(doc.getValues(THEME)), doc.get(TITLE), doc.get(TEXT));
    }

    @Override
    public synchronized void close() {
        if (!writer.isOpen()) {
            return;
        }
        try {
            searchers.close();
            writer.close();
            directory.close();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Closing the search index", e);
        }
    }

    /** The terms of a field, handed to Lucene as they are (they are already folded and stemmed). */
    private static final class Terms extends TokenStream {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final Collection<String> terms;
        private Iterator<String> next;

        Terms(Collection<String> terms) {
            this.terms = terms;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            next = terms.iterator();
        }

        @Override
        public boolean incrementToken() {
            if (next == null || !next.hasNext()) {
                return false;
            }
            clearAttributes();
            term.setEmpty().append(next.next());
            return true;
        }
    }
}
