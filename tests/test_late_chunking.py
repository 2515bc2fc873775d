"""Sentence vectors from their passage's own forward pass (QA_SENTENCE_VECTORS=late), against embedding each
sentence again (separate): what a build embeds, what it stores, and switching between the two."""

from pathlib import Path

import numpy as np

from qa.index import build_from_corpus, load_index

ARTICLE = Path(__file__).parent / "data" / "live" / "bridge.txt"


def build(folder, settings, embedder, method):
    return build_from_corpus([ARTICLE], folder, settings.model_copy(update={"sentence_vectors": method}), embedder,
                             progress=False)


def test_a_late_build_runs_the_model_once_per_passage_and_switching_reuses_passage_vectors(tmp_path, settings,
                                                                                            embedder):
    folder = tmp_path / "ix"
    late = build(folder, settings, embedder, "late")
    index = load_index(folder, settings)
    assert late.passages == len(index.passages)
    assert late.vectors_embedded == late.passages + late.documents, "one pass per passage, and the title's"
    row = 0
    passage = index.passages[row]
    [model_input] = embedder.document_inputs([passage.text], [passage.title])
    shift = len(model_input) - len(passage.text)
    sentences = index.sentences.of_passage(row)
    spans = [(a + shift, b + shift) for _, a, b in sentences]
    rows = [r for r, _, _ in sentences]
    vectors, parts = embedder.encode_late([model_input], [spans])
    assert np.allclose(index.vectors[row], vectors[0], atol=1e-5)
    assert np.allclose(index.sentences.rows_of(rows), parts[0], atol=2e-3)

    separate = build(folder, settings, embedder, "separate")
    assert separate.passages_written == late.passages, "a changed method rewrites every document"
    assert separate.vectors_embedded == len(index.sentences), "passage vectors are reused, sentences embedded"
    again = load_index(folder, settings)
    assert np.allclose(again.vectors, index.vectors)
    alone = embedder.encode_documents([passage.text[a - shift:b - shift] for a, b in spans])
    assert np.allclose(again.sentences.rows_of(rows), alone, atol=2e-3)


def test_an_encoder_without_token_states_embeds_sentences_separately(tmp_path, fast_settings, fast_embedder):
    assert fast_embedder.head is None
    stats = build(tmp_path / "ix", fast_settings, fast_embedder, "late")
    index = load_index(tmp_path / "ix", fast_settings)
    texts = {index.passages[row].text[a:b] for row in range(len(index.passages))
             for _, a, b in index.sentences.of_passage(row)}
    titles = {document.title for document in index.documents.values()}
    assert stats.vectors_embedded == len(index.passages) + len(texts | titles), "a title alone is a sentence's input"
