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
    passages = index.passages
    inputs = embedder.document_inputs([p.text for p in passages], [p.title for p in passages])
    every_span = [[(a + len(model_input) - len(p.text), b + len(model_input) - len(p.text))
                   for _, a, b in index.sentences.of_passage(row)]
                  for row, (p, model_input) in enumerate(zip(passages, inputs))]
    vectors, parts = embedder.encode_late(inputs, every_span)  # the build's batch: int8 scales activations per batch
    assert np.allclose(index.vectors, vectors, atol=1e-5)
    assert np.allclose(index.sentences.rows_of(np.arange(len(index.sentences))), np.concatenate(parts), atol=2e-3)

    separate = build(folder, settings, embedder, "separate")
    assert separate.passages_written == late.passages, "a changed method rewrites every document"
    assert separate.vectors_embedded == len(index.sentences), "passage vectors are reused, sentences embedded"
    again = load_index(folder, settings)
    assert np.allclose(again.vectors, index.vectors)
    every_sentence = [p.text[a:b] for row, p in enumerate(passages) for _, a, b in again.sentences.of_passage(row)]
    assert np.allclose(again.sentences.rows_of(np.arange(len(every_sentence))),
                       embedder.encode_documents(every_sentence), atol=2e-3)


def test_an_encoder_without_token_states_embeds_sentences_separately(tmp_path, fast_settings, fast_embedder):
    assert fast_embedder.head is None
    stats = build(tmp_path / "ix", fast_settings, fast_embedder, "late")
    index = load_index(tmp_path / "ix", fast_settings)
    texts = {index.passages[row].text[a:b] for row in range(len(index.passages))
             for _, a, b in index.sentences.of_passage(row)}
    titles = {document.title for document in index.documents.values()}
    assert stats.vectors_embedded == len(index.passages) + len(texts | titles), "a title alone is a sentence's input"
