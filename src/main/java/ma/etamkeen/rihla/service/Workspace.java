package ma.etamkeen.rihla.service;

import java.nio.file.Path;

import ma.etamkeen.rihla.store.Database;
import ma.etamkeen.rihla.store.Seeder;

/** One open data folder: the database, seeded, and the services over it. Shared by the app and the CLI. */
public final class Workspace implements AutoCloseable {
    private final Database database;
    private final Catalog catalog;
    private final Identity identity;
    private final NoteService notes;
    private final LessonService lessons;
    private final IdeaService ideas;
    private final AttachmentService attachments;
    private final PeopleService people;
    private final TrashService trash;
    private final BackupService backups;
    private final SearchService search;
    private final PracticeService practices;
    private final BriefService briefs;
    private final ActionPlanService plans;
    private final VisitReportService reports;
    private final ExchangeService exchange;
    private final KnowledgeBase knowledge;
    private final SyncService sync;

    private Workspace(Database database) {
        this.database = database;
        this.catalog = new Catalog(database);
        this.identity = new Identity(database);
        this.search = new SearchService(database, catalog);
        this.practices = new PracticeService(database, catalog);
        this.notes = new NoteService(database, identity, search);
        this.lessons = new LessonService(database, identity, search);
        this.ideas = new IdeaService(database, identity, search);
        this.attachments = new AttachmentService(database, identity, search);
        this.people = new PeopleService(database, identity);
        this.trash = new TrashService(database, identity, search);
        this.backups = new BackupService(database);
        this.briefs = new BriefService(database, catalog, lessons, ideas, notes, people);
        this.plans = new ActionPlanService(catalog, ideas, lessons, people, briefs);
        this.reports = new VisitReportService(catalog, ideas, people, briefs, plans);
        this.exchange = new ExchangeService(database, identity, search);
        this.knowledge = new KnowledgeBase(database, identity, search);
        this.sync = new SyncService(database, identity, search, exchange);
    }

    /** Opens the data folder, migrating and seeding it as needed. */
    public static Workspace open(Path folder) {
        Database database = Database.open(folder);
        try {
            new Seeder().ensureSeeded(database);
            return new Workspace(database);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    public Path folder() {
        return database.folder();
    }

    public Database database() {
        return database;
    }

    public Catalog catalog() {
        return catalog;
    }

    public Identity identity() {
        return identity;
    }

    public NoteService notes() {
        return notes;
    }

    public LessonService lessons() {
        return lessons;
    }

    public IdeaService ideas() {
        return ideas;
    }

    public AttachmentService attachments() {
        return attachments;
    }

    public PeopleService people() {
        return people;
    }

    public TrashService trash() {
        return trash;
    }

    public BackupService backups() {
        return backups;
    }

    public SearchService search() {
        return search;
    }

    public PracticeService practices() {
        return practices;
    }

    /** Visit reports: the briefs and action plans of a visit in one booklet. */
    public VisitReportService reports() {
        return reports;
    }

    /** Action plans of Moroccan administrations. */
    public ActionPlanService plans() {
        return plans;
    }

    public BriefService briefs() {
        return briefs;
    }

    public ExchangeService exchange() {
        return exchange;
    }

    /** Sync through a hub: a shared folder or a PostgreSQL server. */
    public SyncService sync() {
        return sync;
    }

    /** Visits, sites, facts and themes: adding, correcting, confirming, deleting. */
    public KnowledgeBase knowledge() {
        return knowledge;
    }

    @Override
    public void close() {
        search.close();  // the index reads the store while it catches up: it goes first
        database.close();
    }
}
