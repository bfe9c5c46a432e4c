// A fresh store with a Repository over it, and small builders for valid records of every type:
// the baseline the rule tables mutate.
#pragma once

#include "domain/repository.h"
#include "support/tempdir.h"
#include "sync/store/store.h"

#include <catch2/catch.hpp>

#include <memory>

namespace quartier::test {

inline const crypto::PwhashParams kDomainKdf{1, 8u << 20};  // tests only: unlock in milliseconds

struct DomainFixture {
    TempDir dir;
    std::unique_ptr<sync::Store> store;
    std::unique_ptr<domain::Repository> repo;

    DomainFixture() {
        auto s = sync::Store::create(dir.path(), "domain-test-passphrase", kDomainKdf);
        REQUIRE(s.ok());
        store = std::move(*s);
        repo = std::make_unique<domain::Repository>(*store);
    }

    void reopen() {
        repo.reset();
        store.reset();
        auto s = sync::Store::open(dir.path(), "domain-test-passphrase");
        REQUIRE(s.ok());
        store = std::move(*s);
        repo = std::make_unique<domain::Repository>(*store);
    }

    std::size_t ops() const { return store->status().ops; }

    // A service record as the offer side writes it (type "service" with a category).
    std::string service(const std::string& name, const std::string& category) {
        sync::Writer w(*store);
        auto id = w.set("service", {}, "name", name);
        REQUIRE(id.ok());
        if (!category.empty()) REQUIRE(w.set("service", *id, "category", category).ok());
        REQUIRE(w.commit().ok());
        return *id;
    }

    template <class T>
    T saved(T record) {
        domain::Issues issues;
        auto r = repo->save(record, domain::SaveOptions{nullptr, &issues, {}});
        INFO(domain::describe(issues) << (r.ok() ? "" : r.detail()));
        REQUIRE(r.ok());
        return record;
    }

    domain::Case new_case(const std::string& name = "Familie Test", const std::string& space = "Garstedt") {
        domain::Case c;
        c.name = name;
        c.social_space = space;
        c.status = domain::CaseStatus::Active;
        c.lead_worker = "A. Brandt";
        c.opened_on = "2026-02-01";
        return saved(c);
    }

    domain::Person new_person(const std::string& case_id, const std::string& given = "Elif") {
        domain::Person p;
        p.case_id = case_id;
        p.given_name = given;
        p.family_name = "Test";
        p = saved(p);
        domain::CaseMember m;
        m.case_id = case_id;
        m.person_id = p.id;
        m.role = domain::MemberRole::Mother;
        saved(m);
        return p;
    }

    domain::RiskAssessment assess(const std::string& case_id, domain::RiskArea area, const std::string& on) {
        domain::RiskAssessment r;
        r.case_id = case_id;
        r.area = area;
        r.assessed_on = on;
        r.assessed_by = "A. Brandt";
        r.reasons = area == domain::RiskArea::Service ? "" : "Sorge um die Versorgung";
        return saved(r);
    }
};

inline domain::Requirement valid_requirement(const std::string& case_id) {
    domain::Requirement r;
    r.case_id = case_id;
    r.reason = "Kind unversorgt in der Kita";
    r.minimum_standard = "Kind ist jeden Werktag bis 9 Uhr versorgt in der Kita";
    r.negotiable_way = "Wie, entscheiden die Eltern";
    r.deadline = "2026-03-31";
    r.checked_by = "ASD";
    r.check_method = "Rückmeldung der Kita, Hausbesuche";
    r.consequence = "Anrufung des Familiengerichts";
    return r;
}

}  // namespace quartier::test
