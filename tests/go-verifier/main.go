// Command go-verifier checks an Ashyq transparency log with Go's own implementation of signed notes and tiled
// Merkle logs (golang.org/x/mod/sumdb/note and .../tlog), not with the project's code: the checkpoint's
// signature, every hash tile and entry bundle, the root, and optionally a record's inclusion, the consistency
// with an earlier checkpoint, and a witness's cosignature (C2SP tlog-cosignature, Ed25519, cosignature/v1).
//
// The log is laid out as C2SP tlog-tiles: log/checkpoint, log/tile/<L>/<N>[.p/<W>] and
// log/tile/entries/<N>[.p/<W>]. Go's sumdb names the same tiles tile/8/<L>/... and tile/8/data/...; the bytes
// are the same, so only the paths are mapped.
//
// It prints "OK ..." and exits 0, or prints "FAIL: <reason>" and exits 1 (2 for a usage error).
package main

import (
	"bytes"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"
)

const height = 8
const width = 1 << height

func main() {
	dir := flag.String("dir", "", "the published site's folder (holding log/)")
	vkey := flag.String("vkey", "", "the log's verifier key, or a file holding it")
	prev := flag.String("prev", "", "an earlier signed checkpoint of the same log: prove the log is consistent with it")
	record := flag.String("record", "", "a record file: prove it is in the log")
	index := flag.Int64("index", -1, "the record's leaf index (default: its .index file beside it, or found among the entries)")
	cosigned := flag.String("cosigned", "", "a cosigned checkpoint file: check the witness's cosignature over the log's checkpoint")
	witness := flag.String("witness", "", "the witness's verifier key (type 0x04), or a file holding it")
	flag.Parse()
	if *dir == "" || *vkey == "" || (*cosigned == "") != (*witness == "") {
		fmt.Fprintln(os.Stderr, "usage: go-verifier -dir DIR -vkey KEY [-prev CHECKPOINT] [-record FILE [-index N]] [-cosigned FILE -witness KEY]")
		os.Exit(2)
	}
	summary, err := run(*dir, keyText(*vkey), *prev, *record, *index, *cosigned, keyText(*witness))
	if err != nil {
		fmt.Println("FAIL: " + err.Error())
		os.Exit(1)
	}
	fmt.Println("OK " + summary)
}

func keyText(s string) string {
	if s == "" {
		return s
	}
	if b, err := os.ReadFile(s); err == nil {
		return strings.TrimSpace(string(b))
	}
	return strings.TrimSpace(s)
}

// checkpoint is a C2SP checkpoint body: origin, size, base64 root (tlog.ParseTree wants the go.sum origin).
type checkpoint struct {
	origin string
	tree   tlog.Tree
}

func parseCheckpoint(text string) (checkpoint, error) {
	lines := strings.SplitN(text, "\n", 4)
	if len(lines) < 4 || lines[0] == "" {
		return checkpoint{}, errors.New("malformed checkpoint: not an origin, a size and a root hash, one per line")
	}
	n, err := strconv.ParseInt(lines[1], 10, 64)
	if err != nil || n < 0 || strconv.FormatInt(n, 10) != lines[1] {
		return checkpoint{}, fmt.Errorf("malformed checkpoint size %q", lines[1])
	}
	root, err := base64.StdEncoding.DecodeString(lines[2])
	if err != nil || len(root) != tlog.HashSize {
		return checkpoint{}, fmt.Errorf("malformed checkpoint root %q", lines[2])
	}
	var h tlog.Hash
	copy(h[:], root)
	return checkpoint{origin: lines[0], tree: tlog.Tree{N: n, Hash: h}}, nil
}

// openCheckpoint verifies a signed checkpoint with the given verifiers and parses its body.
func openCheckpoint(msg []byte, verifiers ...note.Verifier) (checkpoint, *note.Note, error) {
	n, err := note.Open(msg, note.VerifierList(verifiers...))
	if err != nil {
		return checkpoint{}, nil, fmt.Errorf("checkpoint signature: %v", err)
	}
	c, err := parseCheckpoint(n.Text)
	return c, n, err
}

// indexPath encodes N as C2SP (and Go) do: 1234067 -> x001/x234/067.
func indexPath(n int64) string {
	s := fmt.Sprintf("%03d", n%1000)
	for n >= 1000 {
		n /= 1000
		s = fmt.Sprintf("x%03d/%s", n%1000, s)
	}
	return s
}

// c2spPath maps Go's Tile{H: 8, L, N, W} (Go path tile/8/L/N[.p/W], data tiles tile/8/data/N) to C2SP's
// log/tile/L/N[.p/W] and log/tile/entries/N[.p/W].
func c2spPath(t tlog.Tile) string {
	level := strconv.Itoa(t.L)
	if t.L == -1 {
		level = "entries"
	}
	p := "log/tile/" + level + "/" + indexPath(t.N)
	if t.W != width {
		p += ".p/" + strconv.Itoa(t.W)
	}
	return p
}

// tileReader reads tiles from the C2SP layout; a partial tile that is gone may be read as the prefix of the full one.
type tileReader struct{ dir string }

func (r tileReader) Height() int { return height }

func (r tileReader) read(t tlog.Tile) ([]byte, error) {
	data, err := os.ReadFile(filepath.Join(r.dir, filepath.FromSlash(c2spPath(t))))
	if err != nil && t.W != width {
		full := t
		full.W = width
		if d, err2 := os.ReadFile(filepath.Join(r.dir, filepath.FromSlash(c2spPath(full)))); err2 == nil && len(d) == width*tlog.HashSize {
			return d[:t.W*tlog.HashSize], nil
		}
	}
	if err != nil {
		return nil, fmt.Errorf("tile %s (Go: %s) is missing", c2spPath(t), t.Path())
	}
	return data, nil
}

func (r tileReader) ReadTiles(tiles []tlog.Tile) ([][]byte, error) {
	out := make([][]byte, len(tiles))
	for i, t := range tiles {
		d, err := r.read(t)
		if err != nil {
			return nil, err
		}
		if len(d) != t.W*tlog.HashSize {
			return nil, fmt.Errorf("tile %s holds %d bytes, not %d", c2spPath(t), len(d), t.W*tlog.HashSize)
		}
		out[i] = d
	}
	return out, nil
}

func (r tileReader) SaveTiles([]tlog.Tile, [][]byte) {}

// memoryHashes holds every stored hash of a tree, as tlog.StoredHashes computes them from the records.
type memoryHashes []tlog.Hash

func (m memoryHashes) ReadHashes(indexes []int64) ([]tlog.Hash, error) {
	out := make([]tlog.Hash, len(indexes))
	for i, x := range indexes {
		if x < 0 || x >= int64(len(m)) {
			return nil, fmt.Errorf("stored hash %d is not in the tree", x)
		}
		out[i] = m[x]
	}
	return out, nil
}

// readBundle splits an entry bundle: each entry prefixed by its length, two big-endian bytes.
func readBundle(data []byte) ([][]byte, error) {
	var entries [][]byte
	for len(data) > 0 {
		if len(data) < 2 {
			return nil, errors.New("ends inside a length prefix")
		}
		n := int(binary.BigEndian.Uint16(data))
		if len(data) < 2+n {
			return nil, errors.New("ends inside an entry")
		}
		entries = append(entries, data[2:2+n])
		data = data[2+n:]
	}
	return entries, nil
}

func run(dir, vkey, prevFile, recordFile string, recordIndex int64, cosignedFile, witnessKey string) (string, error) {
	verifier, err := note.NewVerifier(vkey)
	if err != nil {
		return "", fmt.Errorf("verifier key: %v", err)
	}
	msg, err := os.ReadFile(filepath.Join(dir, "log", "checkpoint"))
	if err != nil {
		return "", errors.New("log/checkpoint is missing")
	}
	cp, _, err := openCheckpoint(msg, verifier)
	if err != nil {
		return "", err
	}
	if cp.origin != verifier.Name() {
		return "", fmt.Errorf("checkpoint origin %q is not the key's name %q", cp.origin, verifier.Name())
	}
	tree := cp.tree
	tiles := tileReader{dir}
	hr := tlog.TileHashReader(tree, tiles)

	// The root from the tiles: TileHashReader authenticates every tile it reads against the checkpoint's root.
	th, err := tlog.TreeHash(tree.N, hr)
	if err != nil {
		return "", fmt.Errorf("tree hash from the tiles: %v", err)
	}
	if th != tree.Hash && tree.N > 0 {
		return "", errors.New("the tiles' tree hash is not the checkpoint's root")
	}

	// Every entry, from the entry bundles: its record hash is the level-0 hash the tiles hold; and all the
	// stored hashes, recomputed by tlog from the entries alone.
	var stored memoryHashes
	var entries [][]byte
	for n := int64(0); n*width < tree.N; n++ {
		w := tree.N - n*width
		if w > width {
			w = width
		}
		t := tlog.Tile{H: height, L: -1, N: n, W: int(w)}
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(c2spPath(t))))
		if err != nil {
			return "", fmt.Errorf("entry bundle %s (Go: %s) is missing", c2spPath(t), t.Path())
		}
		bundle, err := readBundle(data)
		if err != nil {
			return "", fmt.Errorf("entry bundle %s: %v", c2spPath(t), err)
		}
		if int64(len(bundle)) != w {
			return "", fmt.Errorf("entry bundle %s holds %d entries, not %d", c2spPath(t), len(bundle), w)
		}
		indexes := make([]int64, w)
		for i := range bundle {
			indexes[i] = tlog.StoredHashIndex(0, n*width+int64(i))
		}
		fromTiles, err := hr.ReadHashes(indexes)
		if err != nil {
			return "", fmt.Errorf("level-0 hashes of entries %d-%d: %v", n*width, n*width+w-1, err)
		}
		for i, e := range bundle {
			leaf := n*width + int64(i)
			if tlog.RecordHash(e) != fromTiles[i] {
				return "", fmt.Errorf("entry %d's record hash is not the hash in tile %s", leaf, c2spPath(tlog.TileForIndex(height, indexes[i])))
			}
			more, err := tlog.StoredHashes(leaf, e, stored)
			if err != nil {
				return "", err
			}
			stored = append(stored, more...)
			entries = append(entries, e)
		}
	}
	fromEntries, err := tlog.TreeHash(tree.N, stored)
	if err != nil {
		return "", err
	}
	if fromEntries != tree.Hash && tree.N > 0 {
		return "", errors.New("the root of the entries is not the checkpoint's root")
	}

	// Every hash tile the tree has, byte for byte as tlog computes it from the entries.
	tileCount := 0
	for level := 0; tree.N>>(uint(height*level)) > 0; level++ {
		hashes := tree.N >> uint(height*level)
		for n := int64(0); n*width < hashes; n++ {
			w := hashes - n*width
			if w > width {
				w = width
			}
			t := tlog.Tile{H: height, L: level, N: n, W: int(w)}
			want, err := tlog.ReadTileData(t, stored)
			if err != nil {
				return "", err
			}
			got, err := tiles.read(t)
			if err != nil {
				return "", err
			}
			if !bytes.Equal(got, want) {
				return "", fmt.Errorf("tile %s (Go: %s) differs from the hashes of the entries", c2spPath(t), t.Path())
			}
			tileCount++
		}
	}
	summary := fmt.Sprintf("%s size %d root %s: signature, %d entries, %d hash tiles and the root verified", cp.origin, tree.N, base64.StdEncoding.EncodeToString(tree.Hash[:]), len(entries), tileCount)

	if recordFile != "" {
		record, err := os.ReadFile(recordFile)
		if err != nil {
			return "", fmt.Errorf("record file: %v", err)
		}
		if recordIndex < 0 {
			if b, err := os.ReadFile(strings.TrimSuffix(recordFile, ".json") + ".index"); err == nil && strings.HasSuffix(recordFile, ".json") {
				recordIndex, _ = strconv.ParseInt(strings.TrimSpace(string(b)), 10, 64)
			} else {
				for i, e := range entries {
					if bytes.Equal(e, record) {
						recordIndex = int64(i)
						break
					}
				}
			}
		}
		if recordIndex < 0 || recordIndex >= tree.N {
			return "", errors.New("the record is not among the log's entries")
		}
		proof, err := tlog.ProveRecord(tree.N, recordIndex, hr)
		if err != nil {
			return "", fmt.Errorf("inclusion proof: %v", err)
		}
		if err := tlog.CheckRecord(proof, tree.N, tree.Hash, recordIndex, tlog.RecordHash(record)); err != nil {
			return "", fmt.Errorf("the record is not in the log at index %d: %v", recordIndex, err)
		}
		summary += fmt.Sprintf("; record included at %d", recordIndex)
	}

	if prevFile != "" {
		prevMsg, err := os.ReadFile(prevFile)
		if err != nil {
			return "", fmt.Errorf("previous checkpoint: %v", err)
		}
		old, _, err := openCheckpoint(prevMsg, verifier)
		if err != nil {
			return "", fmt.Errorf("previous %v", err)
		}
		if old.origin != cp.origin {
			return "", fmt.Errorf("the previous checkpoint is of the log %q, not %q", old.origin, cp.origin)
		}
		switch {
		case old.tree.N > tree.N:
			return "", fmt.Errorf("the tree shrank from %d to %d", old.tree.N, tree.N)
		case old.tree.N == tree.N && old.tree.Hash != tree.Hash:
			return "", fmt.Errorf("the tree of size %d has two different roots: the log forked", tree.N)
		}
		proof, err := tlog.ProveTree(tree.N, old.tree.N, hr)
		if err != nil {
			return "", fmt.Errorf("consistency proof: %v", err)
		}
		if err := tlog.CheckTree(proof, tree.N, tree.Hash, old.tree.N, old.tree.Hash); err != nil {
			return "", fmt.Errorf("the tree of size %d is not an extension of the previous one of size %d: the log forked or was rewritten (%v)", tree.N, old.tree.N, err)
		}
		summary += fmt.Sprintf("; consistent with the checkpoint of size %d", old.tree.N)
	}

	if cosignedFile != "" {
		w, err := newCosignatureVerifier(witnessKey)
		if err != nil {
			return "", fmt.Errorf("witness key: %v", err)
		}
		data, err := os.ReadFile(cosignedFile)
		if err != nil {
			return "", fmt.Errorf("cosigned checkpoint: %v", err)
		}
		c, n, err := openCheckpoint(data, verifier, w)
		if err != nil {
			return "", fmt.Errorf("cosigned %v", err)
		}
		cosignedBy := false
		for _, s := range n.Sigs {
			cosignedBy = cosignedBy || (s.Name == w.Name() && s.Hash == w.KeyHash())
		}
		if !cosignedBy {
			return "", fmt.Errorf("the checkpoint is not cosigned by %s", w.Name())
		}
		if c != cp {
			return "", fmt.Errorf("the cosigned checkpoint (size %d) is not the log's (size %d)", c.tree.N, tree.N)
		}
		summary += fmt.Sprintf("; cosigned by %s at %d", w.Name(), w.lastTime)
	}
	return summary, nil
}

// cosignatureVerifier checks a C2SP tlog-cosignature/v1 Ed25519 cosignature: the key id is
// SHA-256(name || "\n" || 0x04 || key)[:4]; the signature is an 8-byte big-endian timestamp and the Ed25519
// signature of "cosignature/v1\ntime <timestamp>\n" followed by the checkpoint body.
type cosignatureVerifier struct {
	name     string
	hash     uint32
	key      ed25519.PublicKey
	lastTime uint64
}

func newCosignatureVerifier(vkey string) (*cosignatureVerifier, error) {
	parts := strings.SplitN(vkey, "+", 3)
	if len(parts) != 3 {
		return nil, errors.New("not name+id+key")
	}
	raw, err := base64.StdEncoding.DecodeString(parts[2])
	if err != nil || len(raw) != 1+ed25519.PublicKeySize || raw[0] != 0x04 {
		return nil, errors.New("not an Ed25519 cosignature/v1 key (type 0x04)")
	}
	h := sha256.Sum256(append([]byte(parts[0]+"\n"), raw...))
	id := binary.BigEndian.Uint32(h[:4])
	if fmt.Sprintf("%08x", id) != parts[1] {
		return nil, errors.New("the key id does not match the key")
	}
	return &cosignatureVerifier{name: parts[0], hash: id, key: ed25519.PublicKey(raw[1:])}, nil
}

func (v *cosignatureVerifier) Name() string    { return v.name }
func (v *cosignatureVerifier) KeyHash() uint32 { return v.hash }
func (v *cosignatureVerifier) Verify(msg, sig []byte) bool {
	if len(sig) != 8+ed25519.SignatureSize {
		return false
	}
	t := binary.BigEndian.Uint64(sig)
	signed := append([]byte(fmt.Sprintf("cosignature/v1\ntime %d\n", t)), msg...)
	if !ed25519.Verify(v.key, signed, sig[8:]) {
		return false
	}
	v.lastTime = t
	return true
}
