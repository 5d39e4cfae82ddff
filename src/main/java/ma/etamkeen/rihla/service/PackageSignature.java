package ma.etamkeen.rihla.service;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.sql.SQLException;
import java.util.Base64;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ma.etamkeen.rihla.store.Json;
import ma.etamkeen.rihla.store.Seeder;
import ma.etamkeen.rihla.store.Sha256;
import ma.etamkeen.rihla.store.SettingsRepository;
import ma.etamkeen.rihla.store.Tx;

/**
 * Who sent a package. Each laptop signs the packages it writes with its own Ed25519 key (RFC 8032; the JDK's
 * "Ed25519" provider, no new dependency), made on its first export and kept in its store. The signature, in
 * {@value #ENTRY}, covers {@code manifest.json}, whose checksums cover every other file: a package altered after
 * it was signed is refused. A receiving laptop remembers the key of each sender's name the first time it
 * imports from them, and says so loudly when a later package under that name comes with another key, or
 * with none. Names alone prove nothing: anyone can write "Amina El Idrissi" in a manifest.
 */
final class PackageSignature {
    static final String ENTRY = "signature.json";
    private static final String ALGORITHM = "Ed25519";
    private static final String PRIVATE_KEY = "identity.signing-key";
    private static final String PUBLIC_KEY = "identity.public-key";
    private static final String SENDER = "exchange.sender-key.";

    /** What is known of a package's sender, from its signature and the keys this laptop met before. */
    enum Sender {
        /** Signed with the key this laptop remembers for that name. */
        KNOWN,
        /** Signed; the first package under that name here: its key is remembered once imported. */
        NEW,
        /** Signed with another key than the one remembered for that name: maybe someone else. */
        OTHER_KEY,
        /** Not signed (a package of Rihla 0.1, or one whose signature was removed). */
        UNSIGNED,
        /**
         * Under a name no colleague sends from: the built-in data's author, or this laptop's own user with
         * another key than this laptop's.
         */
        RESERVED
    }

    private PackageSignature() {
    }

    /**
     * The contents of {@value #ENTRY} for {@code manifest} (its exact bytes), signed with this laptop's key,
     * which is made and kept on the first call.
     */
    static byte[] sign(Tx tx, SettingsRepository settings, byte[] manifest) throws SQLException {
        try {
            KeyFactory keys = KeyFactory.getInstance(ALGORITHM);
            Optional<String> stored = settings.get(tx, PRIVATE_KEY);
            PrivateKey privateKey;
            String publicKey;
            if (stored.isPresent()) {
                privateKey = keys.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(stored.get())));
                publicKey = settings.get(tx, PUBLIC_KEY).orElseThrow();
            } else {
                KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
                privateKey = pair.getPrivate();
                publicKey = Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
                settings.put(tx, PRIVATE_KEY, Base64.getEncoder().encodeToString(privateKey.getEncoded()));
                settings.put(tx, PUBLIC_KEY, publicKey);
            }
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(privateKey);
            signer.update(manifest);
            ObjectNode signature = Json.MAPPER.createObjectNode();
            signature.put("algorithm", ALGORITHM);
            signature.put("publicKey", publicKey);
            signature.put("signature", Base64.getEncoder().encodeToString(signer.sign()));
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(signature);
        } catch (GeneralSecurityException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Signing a package with " + ALGORITHM, e);
        }
    }

    /**
     * The sender's public key (Base64 of its X.509 encoding) when {@code signature} signs {@code manifest}.
     *
     * @throws RejectedInput {@code exchange.bad-signature} when it does not: the package was altered after it
     *                       was signed, or the signature is malformed
     */
    static String verify(String packageName, byte[] manifest, byte[] signature) {
        try {
            JsonNode node = Json.MAPPER.readTree(new String(signature, StandardCharsets.UTF_8));
            String publicKey = node.path("publicKey").asText("");
            PublicKey key = KeyFactory.getInstance(ALGORITHM)
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKey)));
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
            verifier.update(manifest);
            if (ALGORITHM.equals(node.path("algorithm").asText())
                    && verifier.verify(Base64.getDecoder().decode(node.path("signature").asText("")))) {
                return publicKey;
            }
        } catch (GeneralSecurityException | IllegalArgumentException | java.io.IOException e) {
            // a malformed signature is a bad one
        }
        throw new RejectedInput("exchange.bad-signature", packageName);
    }

    /**
     * What this laptop knows of a sender called {@code name} whose key is {@code publicKey} (null: unsigned),
     * {@code me} being the name this laptop writes under ({@link Identity#stamp()}).
     */
    static Sender check(Tx tx, SettingsRepository settings, String name, String publicKey, String me) throws SQLException {
        if (sameName(name, me)) {
            return publicKey != null && publicKey.equals(settings.get(tx, PUBLIC_KEY).orElse(null)) ? Sender.KNOWN
                    : Sender.RESERVED;
        }
        if (sameName(name, Seeder.SEED_AUTHOR)) {
            return Sender.RESERVED;
        }
        if (publicKey == null) {
            return Sender.UNSIGNED;
        }
        return settings.get(tx, senderKey(name))
                .map(known -> known.equals(publicKey) ? Sender.KNOWN : Sender.OTHER_KEY).orElse(Sender.NEW);
    }

    /** Remembers {@code publicKey} as the key of {@code name}, if none is remembered yet and it is a colleague's. */
    static void rememberIfNew(Tx tx, SettingsRepository settings, String name, String publicKey, String me)
            throws SQLException {
        if (publicKey != null && check(tx, settings, name, publicKey, me) == Sender.NEW) {
            settings.put(tx, senderKey(name), publicKey);
        }
    }

    /**
     * Whether two names (a package's sender, an entry's author) are the same person's as people read them:
     * Unicode NFC, spaces trimmed and collapsed, case ignored — "Amina El Idrissi " is Amina El Idrissi.
     */
    static boolean sameName(String one, String other) {
        return one != null && other != null && normalized(one).equals(normalized(other));
    }

    private static String normalized(String name) {
        return java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFC).strip().replaceAll("\\s+", " ")
                .toLowerCase(java.util.Locale.ROOT);
    }

    private static String senderKey(String name) {
        return SENDER + Sha256.of(normalized(name).getBytes(StandardCharsets.UTF_8));
    }
}
